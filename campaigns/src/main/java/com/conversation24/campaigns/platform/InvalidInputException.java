package com.conversation24.campaigns.platform;

/**
 * Input that breaks a rule; {@code field} names the field or parameter at fault: a request's
 * parameter or body member, or an event's field in a batch (where it becomes the line's
 * rejection). Leaves a request through the one problem mapper as a 400 {@code
 * application/problem+json} document.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidInputException(String field, String reason) {
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
