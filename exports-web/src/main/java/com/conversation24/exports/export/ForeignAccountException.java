package com.conversation24.exports.export;

import com.conversation24.campaigns.platform.InvalidInputException;

/**
 * A caller bound to one account asked for another account's rows. The REST edge answers 403; it is
 * not an {@code InvalidInputException} because the parameter is well formed, only not theirs.
 */
public final class ForeignAccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForeignAccountException(long accountId) {
    super("account_id " + accountId + " is not the caller's account");
  }
}
