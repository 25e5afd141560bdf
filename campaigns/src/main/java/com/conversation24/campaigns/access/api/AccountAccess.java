package com.conversation24.campaigns.access.api;

import com.conversation24.campaigns.platform.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * The users and API tokens of one account, for the console's administration page: what the
 * {@code /api/admin} resource offers, as records (no entities leave access). Callers check that
 * the current caller may manage the account ({@link CurrentCaller#mayAccess}).
 */
public interface AccountAccess {

  /** A console user of the account; the password never leaves access. */
  record User(long id, String username, String role, Instant createdAt, boolean disabled) {}

  /** An API token as listed: never its secret. */
  record Token(long id, String label, List<String> roles, Instant createdAt, boolean revoked) {}

  /** A token just created: the secret is shown to its creator this once. */
  record IssuedToken(long id, String label, String role, String secret) {}

  List<User> users(long accountId);

  /** Creates an {@code admin} or {@code viewer}; bad input is an {@link InvalidInputException}. */
  User createUser(long accountId, String username, String password, String role);

  List<Token> tokens(long accountId);

  /** Issues a token of the role {@code admin} or {@code viewer}; its secret is shown this once. */
  IssuedToken issueToken(long accountId, String label, String role);

  /** Revokes a token of this account; false when the account has no such token. */
  boolean revokeToken(long accountId, long tokenId);

  /** Disables or enables a user of this account; false when the account has no such user. */
  boolean setDisabled(long accountId, long userId, boolean disabled);

  /**
   * Gives a user of this account a new password (the rule of every password; a bad one is an
   * {@link InvalidInputException}); false when the account has no such user.
   */
  boolean resetPassword(long accountId, long userId, String password);

  /** Deletes a user of this account; false when the account has no such user. */
  boolean deleteUser(long accountId, long userId);
}
