package com.conversation24.campaigns.api;

import com.conversation24.campaigns.application.AccessService;
import com.conversation24.campaigns.domain.ApiToken;
import com.conversation24.campaigns.domain.ConsoleUser;
import com.conversation24.campaigns.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The users and API tokens of one account, for the console's administration page: what the
 * {@code /api/admin} resource offers, as records (no entities leave the context). Callers check
 * that the current caller may manage the account ({@link CurrentCaller#mayAccess}).
 */
@ApplicationScoped
public class AccountAccess {

  /** A console user of the account; the password never leaves the context. */
  public record User(long id, String username, String role, Instant createdAt, boolean disabled) {}

  /** An API token as listed: never its secret. */
  public record Token(long id, String label, List<String> roles, Instant createdAt, boolean revoked) {}

  /** A token just created: the secret is shown to its creator this once. */
  public record IssuedToken(long id, String label, String role, String secret) {}

  @Inject AccessService access;

  public List<User> users(long accountId) {
    return access.usersOf(accountId).stream().map(AccountAccess::user).toList();
  }

  /** Creates an {@code admin} or {@code viewer}; bad input is an {@link InvalidInputException}. */
  public User createUser(long accountId, String username, String password, String role) {
    return user(access.createUser(username, password, accountRole(role), accountId));
  }

  public List<Token> tokens(long accountId) {
    return access.tokensOf(accountId).stream().map(AccountAccess::token).toList();
  }

  public IssuedToken issueToken(long accountId, String label, String role) {
    if (label == null || label.isBlank()) {
      throw new InvalidInputException("label", "required");
    }
    Role r = accountRole(role);
    AccessService.IssuedToken issued = access.issueToken(label.trim(), List.of(r), accountId);
    return new IssuedToken(issued.id(), issued.label(), r.roleName(), issued.token());
  }

  /** Revokes a token of this account; false when the account has no such token. */
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

  /** Disables or enables a user of this account; false when the account has no such user. */
  public boolean setDisabled(long accountId, long userId, boolean disabled) {
    return ofAccount(accountId, userId)
        .map(
            u -> {
              access.setDisabled(u, disabled);
              return true;
            })
        .orElse(false);
  }

  /**
   * Gives a user of this account a new password (the rule of every password; a bad one is an
   * {@link InvalidInputException}); false when the account has no such user.
   */
  public boolean resetPassword(long accountId, long userId, String password) {
    return ofAccount(accountId, userId)
        .map(
            u -> {
              access.resetPassword(u, password);
              return true;
            })
        .orElse(false);
  }

  /** Deletes a user of this account; false when the account has no such user. */
  public boolean deleteUser(long accountId, long userId) {
    return ofAccount(accountId, userId)
        .map(
            u -> {
              access.deleteUser(u);
              return true;
            })
        .orElse(false);
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
