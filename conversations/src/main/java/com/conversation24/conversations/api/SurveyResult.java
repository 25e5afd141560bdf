package com.conversation24.conversations.api;

/** The visitor's rating. */
public enum SurveyResult {
  GOOD,
  MODERATE,
  BAD
}
