package com.conversation24.exports.links;

import com.conversation24.campaigns.access.api.CurrentCaller;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who manages public links: an admin (the links of their own account) or a platform operator
 * (every account's, to list and revoke). Viewers manage none, so there is no manager for them.
 *
 * @param name the caller name, kept as the link's creator
 */
public record LinkManager(String name, boolean operator, OptionalLong accountId) {

  public LinkManager {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accountId, "accountId");
    if (operator == accountId.isPresent()) {
      throw new IllegalArgumentException("an operator has no account, an admin has one");
    }
  }

  public static LinkManager admin(String name, long accountId) {
    return new LinkManager(name, false, OptionalLong.of(accountId));
  }

  public static LinkManager operator(String name) {
    return new LinkManager(name, true, OptionalLong.empty());
  }

  /** The manager the caller is, if any: empty for viewers and callers without an account. */
  public static Optional<LinkManager> of(CurrentCaller caller) {
    if (caller.isOperator()) {
      return Optional.of(operator(caller.name()));
    }
    OptionalLong account = caller.accountId();
    if (caller.isAdmin() && account.isPresent()) {
      return Optional.of(admin(caller.name(), account.getAsLong()));
    }
    return Optional.empty();
  }

  public boolean manages(PublicLink link) {
    return operator || accountId.getAsLong() == link.accountId();
  }
}
