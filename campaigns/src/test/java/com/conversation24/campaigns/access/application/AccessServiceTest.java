package com.conversation24.campaigns.access.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.access.domain.ConsoleUser;
import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in costs the same password work whether or not the username names somebody (the time of a
 * refusal must not tell which usernames exist), and what users and tokens may be created for.
 */
class AccessServiceTest {

  /** Counts verifications; a "hash" is the password itself behind a prefix. */
  private static final class CountingHash implements Pbkdf2PasswordHash {
    int verified;

    @Override
    public void initialize(Map<String, String> parameters) {}

    @Override
    public String generate(char[] password) {
      return "hash:" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
      verified++;
      return hashedPassword.equals(generate(password));
    }
  }

  /** An entity manager whose only query finds {@code users}. */
  private static EntityManager finding(List<ConsoleUser> users) {
    TypedQuery<?> query =
        (TypedQuery<?>)
            Proxy.newProxyInstance(
                AccessServiceTest.class.getClassLoader(),
                new Class<?>[] {TypedQuery.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getResultStream" -> users.stream();
                      case "getResultList" -> users;
                      default -> proxy;
                    });
    return (EntityManager)
        Proxy.newProxyInstance(
            AccessServiceTest.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createQuery")) {
                return query;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static AccessService service(List<ConsoleUser> users, CountingHash hash) {
    AccessService access = new AccessService();
    access.em = finding(users);
    access.passwordHash = hash;
    return access;
  }

  @Test
  void anUnknownUsernameIsCheckedAgainstAPasswordHashAllTheSame() {
    CountingHash hash = new CountingHash();
    AccessService access = service(List.of(), hash);

    assertThat(access.signIn("nobody", "a-long-password-1".toCharArray())).isEmpty();
    assertThat(hash.verified).as("password checks for an unknown username").isEqualTo(1);
  }

  @Test
  void aKnownUsernameIsCheckedOnceAndSignsInWithTheRightPassword() {
    CountingHash hash = new CountingHash();
    ConsoleUser alice =
        new ConsoleUser("alice", hash.generate("a-long-password-1".toCharArray()), Role.ADMIN, 7L, Instant.EPOCH);
    AccessService access = service(List.of(alice), hash);

    assertThat(access.signIn("alice", "wrong-password-1".toCharArray())).isEmpty();
    assertThat(access.signIn("alice", "a-long-password-1".toCharArray())).contains(alice);
    assertThat(hash.verified).isEqualTo(2);
  }

  @Test
  void aUserOrTokenIsForAnAccountOfTheIdRangeOfEventsAndATokensLabelFitsItsColumn() {
    AccessService access = service(List.of(), new CountingHash());

    assertThatThrownBy(() -> access.createUser("viewer-5", "a-long-password-5", Role.VIEWER, -5L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("accountId: out of range (1 to 2^53-1)");
    assertThatThrownBy(() -> access.issueToken("ci", List.of(Role.ADMIN), 0L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("accountId:");
    assertThatThrownBy(() -> access.issueToken("x".repeat(191), List.of(Role.ADMIN), 7L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("label: at most 190 characters");
    assertThatThrownBy(() -> access.createUser("viewer-6", "p".repeat(1025), Role.VIEWER, 6L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("password: at most 1024 characters");
  }
}
