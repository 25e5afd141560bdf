package com.conversation24.exports.deliveries;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: HMAC-SHA256 with the saved export's secret over the
 * timestamp (Unix seconds, as sent in the timestamp header), a full stop, and the body's bytes,
 * as lower-case hex after {@code sha256=}. The timestamp is signed so that a receiver can refuse
 * a replay of an old request (the Stripe and Slack scheme).
 */
public record WebhookSignature(String secret) {

  public static final String PREFIX = "sha256=";

  public WebhookSignature {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("an empty secret signs nothing");
    }
  }

  /** The signature header's value: {@code sha256=<hex>}. */
  public String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is this secret's for the timestamp and body (constant time). */
  public boolean verifies(String signature, long timestamp, byte[] body) {
    return signature != null
        && MessageDigest.isEqual(
            sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
