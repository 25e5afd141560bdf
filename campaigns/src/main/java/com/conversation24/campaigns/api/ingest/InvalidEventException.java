package com.conversation24.campaigns.api.ingest;

/** An event that breaks a rule of EVENTS.md; {@code field} names the field at fault. */
public final class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidEventException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The reason without the field name. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
