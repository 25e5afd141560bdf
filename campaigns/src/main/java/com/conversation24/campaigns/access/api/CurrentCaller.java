package com.conversation24.campaigns.access.api;

import java.util.OptionalLong;

/**
 * Who is calling, for the other contexts' tenancy checks: an operator sees every account; an
 * admin or viewer (user or token) is bound to one account. Request-scoped.
 */
public interface CurrentCaller {

  boolean isSignedIn();

  /** The caller's name; empty when no one is signed in. */
  String name();

  boolean isOperator();

  boolean isAdmin();

  /** The account the caller is bound to; empty for platform callers. */
  OptionalLong accountId();

  /** Whether the caller may act on this account's data. */
  boolean mayAccess(long accountId);
}
