package com.conversation24.campaigns.access.application;

import com.conversation24.campaigns.access.api.AccountAccess;
import com.conversation24.campaigns.access.domain.ApiToken;
import com.conversation24.campaigns.access.domain.ConsoleUser;
import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The users and API tokens of an account, kept by {@link AccessService}, as {@link AccountAccess}'s records. */
@ApplicationScoped
public class AccountAdministration implements AccountAccess {

  @Inject AccessService access;

  @Override
  public List<User> users(long accountId) {
    return access.usersOf(accountId).stream().map(AccountAdministration::user).toList();
  }

  /** Creates an {@code admin} or {@code viewer}; bad input is an {@link InvalidInputException}. */
  @Override
  public User createUser(long accountId, String username, String password, String role) {
    return user(access.createUser(username, password, accountRole(role), accountId));
  }

  @Override
  public List<Token> tokens(long accountId) {
    return access.tokensOf(accountId).stream().map(AccountAdministration::token).toList();
  }

  @Override
  public IssuedToken issueToken(long accountId, String label, String role) {
    if (label == null || label.isBlank()) {
      throw new InvalidInputException("label", "required");
    }
    Role r = accountRole(role);
    AccessService.IssuedToken issued = access.issueToken(label.trim(), List.of(r), accountId);
    return new IssuedToken(issued.id(), issued.label(), r.roleName(), issued.token());
  }

  /** Revokes a token of this account; false when the account has no such token. */
  @Override
  public boolean revokeToken(long accountId, long tokenId) {
    return access
        .token(tokenId)
        .filter(t -> t.getAccountId() != null && t.getAccountId() == accountId)
        .map(
            t -> {
              access.revokeToken(t);
              return true;
            })
        .orElse(false);
  }

  @Override
  public boolean setDisabled(long accountId, long userId, boolean disabled) {
    return onUserOf(accountId, userId, user -> access.setDisabled(user, disabled));
  }

  @Override
  public boolean resetPassword(long accountId, long userId, String password) {
    return onUserOf(accountId, userId, user -> access.resetPassword(user, password));
  }

  @Override
  public boolean deleteUser(long accountId, long userId) {
    return onUserOf(accountId, userId, access::deleteUser);
  }

  /** Does it to the account's user; false when the account has no such user. */
  private boolean onUserOf(long accountId, long userId, Consumer<ConsoleUser> action) {
    Optional<ConsoleUser> user = ofAccount(accountId, userId);
    user.ifPresent(action);
    return user.isPresent();
  }

  private Optional<ConsoleUser> ofAccount(long accountId, long userId) {
    return access
        .user(userId)
        .filter(u -> u.getAccountId() != null && u.getAccountId() == accountId);
  }

  private static Role accountRole(String name) {
    if ("admin".equals(name)) {
      return Role.ADMIN;
    }
    if ("viewer".equals(name)) {
      return Role.VIEWER;
    }
    throw new InvalidInputException("role", "must be admin or viewer");
  }

  private static User user(ConsoleUser u) {
    return new User(
        u.getId(), u.getUsername(), u.getRole().roleName(), u.getCreatedAt(), u.isDisabled());
  }

  private static Token token(ApiToken t) {
    return new Token(
        t.getId(), t.getLabel(), t.getRoles().stream().map(Role::roleName).toList(),
        t.getCreatedAt(), t.isRevoked());
  }
}
