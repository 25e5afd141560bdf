package com.conversation24.exports.reports;

/**
 * What a column holds. Only {@link #TEXT} columns (text that people typed) get the
 * formula-injection prefix in CSV; ids, enums, times and numbers are never touched.
 */
public enum ColumnKind {
  ID,
  ENUM,
  TIME,
  NUMBER,
  TEXT
}
