package com.conversation24.campaigns.api;

/**
 * Input that breaks a rule; {@code field} names the field or parameter at fault. Leaves through
 * the one problem mapper as a 400 {@code application/problem+json} document.
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
}
