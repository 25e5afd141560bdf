package com.conversation24.exports.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The signature on a value anyone can recompute:
 * {@code printf '1700000000.hello' | openssl dgst -sha256 -hmac whsec-example}.
 */
class WebhookSignatureTest {

  private static final byte[] BODY = "hello".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "sha256=6ebdfd3e7b9ee7da3105fa1cac4846973346498cea9e1c8efb4bce9ea24a092d";

  @Test
  void theSignatureIsHmacSha256OverTimestampDotBody() {
    assertThat(new WebhookSignature("whsec-example").sign(1_700_000_000L, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void itVerifiesOnlyWithTheSameSecretTimestampAndBody() {
    WebhookSignature signature = new WebhookSignature("whsec-example");

    assertThat(signature.verifies(EXPECTED, 1_700_000_000L, BODY)).isTrue();
    assertThat(signature.verifies(EXPECTED, 1_700_000_001L, BODY)).as("another timestamp").isFalse();
    assertThat(signature.verifies(EXPECTED, 1_700_000_000L, "hellO".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(new WebhookSignature("other").verifies(EXPECTED, 1_700_000_000L, BODY)).isFalse();
    assertThat(signature.verifies(null, 1_700_000_000L, BODY)).isFalse();
  }
}
