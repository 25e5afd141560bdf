package com.conversation24.campaigns.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.ingest.envelope.JsonText;
import com.conversation24.campaigns.platform.Rfc3339Instant;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Same type, same {@code at} millisecond, {@code data} equal as JSON values: same content. */
class ContentFingerprintTest {

  private static final Instant AT = Instant.parse("2026-10-23T10:00:00.123Z");

  private static ContentFingerprint of(String type, Instant at, String data) {
    return ContentFingerprint.of(type, at, (JsonObject) JsonText.parse(data));
  }

  private static ContentFingerprint of(String data) {
    return of("conversation.goal_reached", AT, data);
  }

  @Test
  void ignoresKeyOrderAndWhiteSpace() {
    assertThat(of("{\"goal\":\"g\",\"nested\":{\"a\":1,\"b\":[1,2]}}"))
        .isEqualTo(of(" { \"nested\" : { \"b\" : [ 1 , 2 ] , \"a\" : 1 } ,\n\"goal\" : \"g\" } "));
  }

  @Test
  void ignoresNumberSpelling() {
    assertThat(of("{\"value\":5}"))
        .isEqualTo(of("{\"value\":5.0}"))
        .isEqualTo(of("{\"value\":5e0}"))
        .isEqualTo(of("{\"value\":0.5E1}"));
    assertThat(of("{\"value\":19.99}")).isEqualTo(of("{\"value\":1.999e1}"));
    assertThat(of("{\"value\":0}"))
        .isEqualTo(of("{\"value\":0.0E5}"))
        .isEqualTo(of("{\"value\":-0}"));
  }

  @Test
  void ignoresStringEscapes() {
    assertThat(of("{\"goal\":\"\\u00e9\\/\"}")).isEqualTo(of("{\"goal\":\"é/\"}"));
  }

  @Test
  void tellsDifferentContentApart() {
    assertThat(of("{\"value\":5}")).isNotEqualTo(of("{\"value\":5.01}"));
    assertThat(of("{\"value\":[1,2]}")).isNotEqualTo(of("{\"value\":[2,1]}"));
    assertThat(of("{\"value\":\"5\"}")).isNotEqualTo(of("{\"value\":5}"));
    assertThat(of("{\"value\":null}")).isNotEqualTo(of("{}"));
    assertThat(of("{\"a\":\"b\",\"c\":\"d\"}")).isNotEqualTo(of("{\"a\":\"b,c\",\"d\":\"\"}"));
    assertThat(of("conversation.closed", AT, "{}")).isNotEqualTo(of("visitor.blocked", AT, "{}"));
  }

  @Test
  void comparesAtToTheMillisecond() {
    Instant sameMillisecondElsewhere =
        Rfc3339Instant.parse("at", "2026-10-23T07:00:00.123999-03:00");

    assertThat(of("t", sameMillisecondElsewhere, "{}")).isEqualTo(of("t", AT, "{}"));
    assertThat(of("t", AT.plusMillis(1), "{}")).isNotEqualTo(of("t", AT, "{}"));
  }

  @Test
  void holdsHugeExponentsWithoutExpandingThem() {
    assertThat(of("{\"x\":1e999999999}")).isEqualTo(of("{\"x\":10e999999998}"));
    assertThat(of("{\"x\":1e-999999999}")).isNotEqualTo(of("{\"x\":0}"));
  }
}
