package com.conversation24.campaigns.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A bearer secret (API token, public link): a recognisable prefix and 192 random bits. Only its
 * SHA-256 is ever stored; at this entropy a fast hash is safe (OWASP ASVS 6.5.2), and it lets a
 * lookup find the row by hash in one indexed read.
 */
public record SecretToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_BYTES = 24;

  public SecretToken {
    Objects.requireNonNull(value, "value");
  }

  /** A new secret such as {@code c24t_Xq3...}. */
  public static SecretToken generate(String prefix) {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new SecretToken(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Lower-case hex SHA-256 of the UTF-8 secret: what the database keeps. */
  public String hash() {
    return Sha256.hex(value);
  }

  @Override
  public String toString() {
    return "SecretToken[hidden]";
  }
}
