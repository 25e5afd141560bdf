package com.conversation24.conversations.api;

/** Who wrote a message; system messages are the opening and closing texts. */
public enum MessageAuthor {
  VISITOR,
  AGENT,
  SYSTEM
}
