package com.conversation24.campaigns.access.application;

import com.conversation24.campaigns.access.domain.ApiToken;
import com.conversation24.campaigns.access.domain.ConsoleUser;
import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.campaigns.platform.SecretToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates and checks who may sign in: console users (passwords) and API tokens (secrets). */
@ApplicationScoped
@Transactional
public class AccessService {

  /** Prefix of API token secrets, so that a leaked one is recognisable (secret scanners). */
  public static final String TOKEN_PREFIX = "c24t_";

  /** OWASP's figure for PBKDF2-HMAC-SHA512; the stored hash keeps it, so it can grow later. */
  static final Map<String, String> HASH_PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "64");

  static final int MIN_PASSWORD_LENGTH = 12;

  /** PBKDF2 hashes the whole password first; a bound keeps a sign-in's cost bounded too. */
  static final int MAX_PASSWORD_LENGTH = 1024;

  /** The column's size; a longer label was a database error (500). */
  static final int MAX_LABEL_LENGTH = 190;

  /** Verified when the username names nobody, so that both answers take the same work. */
  private volatile String unknownUserHash;

  @Inject EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject Clock clock;

  /** A token as issued: the secret is shown to its creator this once. */
  public record IssuedToken(long id, String label, List<String> roles, Long accountId, String token) {}

  public ConsoleUser createUser(String username, String password, Role role, Long accountId) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{3,190}")) {
      throw new InvalidInputException("username", "3-190 characters of [A-Za-z0-9._@-]");
    }
    requirePassword("password", password);
    requireAccount(accountId);
    if (findUser(username).isPresent()) {
      throw new InvalidInputException("username", "already taken");
    }
    passwordHash.initialize(HASH_PARAMETERS);
    ConsoleUser user =
        new ConsoleUser(
            username, passwordHash.generate(password.toCharArray()), role, accountId, clock.instant());
    em.persist(user);
    return user;
  }

  public Optional<ConsoleUser> findUser(String username) {
    return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :n", ConsoleUser.class)
        .setParameter("n", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<ConsoleUser> user(long id) {
    return Optional.ofNullable(em.find(ConsoleUser.class, id));
  }

  public void setDisabled(ConsoleUser user, boolean disabled) {
    em.merge(user).setDisabled(disabled);
  }

  /** Sets a new password, by the rule every password follows. */
  public void resetPassword(ConsoleUser user, String password) {
    requirePassword("password", password);
    passwordHash.initialize(HASH_PARAMETERS);
    em.merge(user).changePassword(passwordHash.generate(password.toCharArray()));
  }

  public void deleteUser(ConsoleUser user) {
    em.remove(em.merge(user));
  }

  /** The console users of an account, oldest first. */
  public List<ConsoleUser> usersOf(Long accountId) {
    return em.createQuery(
            "SELECT u FROM ConsoleUser u WHERE u.accountId = :a ORDER BY u.id", ConsoleUser.class)
        .setParameter("a", accountId)
        .getResultList();
  }

  /**
   * The rule every password follows (the operator's from the configuration too).
   *
   * @throws InvalidInputException naming {@code field}
   */
  public static void requirePassword(String field, String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(field, "at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException(field, "at most " + MAX_PASSWORD_LENGTH + " characters");
    }
  }

  /** An account id as events carry it: 1 to 2^53-1. */
  private static void requireAccount(Long accountId) {
    if (accountId != null && (accountId < 1 || accountId > PlatformEvent.MAX_ID)) {
      throw new InvalidInputException("accountId", "out of range (1 to 2^53-1)");
    }
  }

  /**
   * The user whose password matches, if any. A username that names nobody costs the same PBKDF2
   * work as one that does, so the time of the answer does not tell which usernames exist.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ConsoleUser> signIn(String username, char[] password) {
    passwordHash.initialize(HASH_PARAMETERS);
    Optional<ConsoleUser> user =
        username == null || username.length() > 190 ? Optional.empty() : findUser(username);
    String stored = user.map(ConsoleUser::getPasswordHash).orElseGet(this::unknownUserHash);
    boolean matches = passwordHash.verify(password, stored);
    // Checked after the hash, so a disabled user's answer takes as long as anyone's.
    return matches ? user.filter(u -> !u.isDisabled()) : Optional.empty();
  }

  private String unknownUserHash() {
    if (unknownUserHash == null) {
      unknownUserHash = passwordHash.generate(SecretToken.generate("").value().toCharArray());
    }
    return unknownUserHash;
  }

  public IssuedToken issueToken(String label, List<Role> roles, Long accountId) {
    if (label == null || label.isBlank()) {
      throw new InvalidInputException("label", "required");
    }
    if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      throw new InvalidInputException("label", "at most " + MAX_LABEL_LENGTH + " characters");
    }
    requireAccount(accountId);
    SecretToken secret = SecretToken.generate(TOKEN_PREFIX);
    ApiToken token = new ApiToken(label, secret.hash(), roles, accountId, clock.instant());
    em.persist(token);
    em.flush();
    return new IssuedToken(
        token.getId(), label, roles.stream().map(Role::roleName).toList(), accountId, secret.value());
  }

  /** The live token with this secret, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApiToken> tokenFor(String secret) {
    String hash = new SecretToken(secret).hash();
    return em.createQuery("SELECT t FROM ApiToken t WHERE t.secretHash = :h", ApiToken.class)
        .setParameter("h", hash)
        .getResultStream()
        .filter(t -> !t.isRevoked())
        .findFirst();
  }

  public Optional<ApiToken> token(long id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  public List<ApiToken> tokensOf(Long accountId) {
    return em.createQuery(
            "SELECT t FROM ApiToken t WHERE t.accountId = :a ORDER BY t.id", ApiToken.class)
        .setParameter("a", accountId)
        .getResultList();
  }

  public void revokeToken(ApiToken token) {
    em.merge(token).revoke(clock.instant());
  }

  /** Makes sure a token with exactly this secret exists (EXPORTS_OPERATOR_TOKEN). */
  public void ensureToken(String label, String secret, List<Role> roles) {
    String hash = new SecretToken(secret).hash();
    Optional<ApiToken> existing =
        em.createQuery("SELECT t FROM ApiToken t WHERE t.label = :l", ApiToken.class)
            .setParameter("l", label)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().replaceSecret(hash);
    } else {
      em.persist(new ApiToken(label, hash, roles, null, clock.instant()));
    }
  }

  public boolean operatorExists() {
    return !em.createQuery("SELECT u.id FROM ConsoleUser u WHERE u.role = :r", Long.class)
        .setParameter("r", Role.OPERATOR)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
