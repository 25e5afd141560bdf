package com.conversation24.exports.export;

import java.util.OptionalLong;

/**
 * Who asks for an export, as far as tenancy goes: a platform operator (any account) or a caller
 * bound to one account. A non-operator without an account sees no rows at all.
 */
public record Requester(boolean operator, OptionalLong accountId) {

  public static Requester platformOperator() {
    return new Requester(true, OptionalLong.empty());
  }

  public static Requester ofAccount(long accountId) {
    return new Requester(false, OptionalLong.of(accountId));
  }
}
