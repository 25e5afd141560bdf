package com.conversation24.exports.export;

/**
 * The manager may not do this at all (an operator creating a link for an account, an admin asking
 * for another account's list). The REST edge answers 403; a foreign link id is not this but "not
 * found", so that ids do not leak.
 */
public final class NotPermittedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
