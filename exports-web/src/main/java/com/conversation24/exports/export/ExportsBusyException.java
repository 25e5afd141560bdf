package com.conversation24.exports.export;

/**
 * An export refused before its first byte because too many run already (for the account, or in
 * all): the edge answers 429 with {@code Retry-After}.
 */
public final class ExportsBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public ExportsBusyException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
