package com.conversation24.exports.links;

import com.conversation24.campaigns.platform.SecretToken;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a public link's URL. It is a {@link SecretToken} (192 random bits, SHA-256 stored)
 * with its own prefix, so that a leaked link is recognisable and never mistaken for an API token.
 */
public record PublicLinkToken(SecretToken secret) {

  public static final String PREFIX = "c24p_";

  /** The prefix and 24 random bytes in unpadded base64url: 32 characters. */
  private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{32}");

  public PublicLinkToken {
    Objects.requireNonNull(secret, "secret");
    if (!SHAPE.matcher(secret.value()).matches()) {
      throw new IllegalArgumentException("not a public link token");
    }
  }

  public static PublicLinkToken generate() {
    return new PublicLinkToken(SecretToken.generate(PREFIX));
  }

  /**
   * The token a URL names, if it has the shape of one; anything else cannot be a link, so it is
   * answered without reading the database.
   */
  public static Optional<PublicLinkToken> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new PublicLinkToken(new SecretToken(text)));
  }

  public String value() {
    return secret.value();
  }

  /** What the database keeps: the lower-case hex SHA-256. */
  public String hash() {
    return secret.hash();
  }

  @Override
  public String toString() {
    return "PublicLinkToken[hidden]";
  }
}
