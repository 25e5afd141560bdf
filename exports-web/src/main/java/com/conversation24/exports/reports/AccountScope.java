package com.conversation24.exports.reports;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which accounts' rows a caller sees. A row belongs to the account that owns its campaign (or its
 * agent or host); a row whose owner is not known yet belongs to no account and only the
 * unrestricted view ({@link #ALL}) shows it.
 */
public record AccountScope(Optional<Set<Long>> accounts) {

  public static final AccountScope ALL = new AccountScope(Optional.empty());

  public AccountScope {
    accounts = accounts.map(Set::copyOf);
  }

  public static AccountScope only(Set<Long> accountIds) {
    return new AccountScope(Optional.of(accountIds));
  }

  public boolean sees(OptionalLong owner) {
    return accounts.isEmpty() || (owner.isPresent() && accounts.get().contains(owner.getAsLong()));
  }
}
