package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.accountUpdated;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.data;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.Rfc3339Instant;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code at} and the nested instants: RFC 3339 with seconds and offset, kept to the ms. */
class TimeRulesTest {

  @ParameterizedTest
  @CsvSource({
    "2026-10-23T10:00:00Z,          2026-10-23T10:00:00Z",
    "2026-10-23t10:00:00z,          2026-10-23T10:00:00Z",
    "2026-10-23T10:00:00.5Z,        2026-10-23T10:00:00.500Z",
    "2026-10-23T10:00:00.123999Z,   2026-10-23T10:00:00.123Z",
    "2026-10-23T11:00:00+01:00,     2026-10-23T10:00:00Z",
    "2026-10-23T08:59:55.403-09:30, 2026-10-23T18:29:55.403Z",
    "2026-10-23T10:00:00-00:00,     2026-10-23T10:00:00Z",
    "2026-10-23T23:00:00+23:59,     2026-10-22T23:01:00Z",
    "2024-02-29T00:00:00Z,          2024-02-29T00:00:00Z"
  })
  void readsTheDateTimeAndTruncatesToTheMillisecond(String text, String instant) {
    assertThat(Rfc3339Instant.parse("at", text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-10-20T10:00Z",
        "2026-10-20T10:00:00",
        "2026-10-20 10:00:00Z",
        "2026-10-20T10:00:00.Z",
        "20261020T100000Z",
        "2026-10-20T10:00:00+0100",
        "2026-10-20T10:00:00+01",
        "2026-1-20T10:00:00Z",
        "2026-10-20T10:00:00Zx",
        "2026-10-20T10:00:00+01:00 ",
        "2026-10-20T10:00:00.123",
        "2026-10-20T10:00:00.12a+01:00",
        "\u0662\u0660\u0662\u0666-10-20T10:00:00Z",
        "not a time",
        ""
      })
  void rejectsWhatIsNotTheFormat(String text) {
    assertThatThrownBy(() -> Rfc3339Instant.parse("at", text))
        .hasMessage("at: not an RFC 3339 date-time with seconds and offset");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-13-01T00:00:00Z,       month must be in 1..12",
    "2026-00-01T00:00:00Z,       month must be in 1..12",
    "2026-02-30T10:00:00Z,       day is out of range for month",
    "2025-02-29T10:00:00Z,       day is out of range for month",
    "2026-04-31T10:00:00Z,       day is out of range for month",
    "2026-04-00T10:00:00Z,       day is out of range for month",
    "2026-04-01T24:00:00Z,       hour must be in 0..23",
    "2026-04-01T23:60:00Z,       minute must be in 0..59",
    "2026-12-31T23:59:60Z,       second must be in 0..59",
    "2026-04-01T10:00:00+24:00,  offset hour must be in 0..23",
    "2026-04-01T10:00:00+01:60,  offset minute must be in 0..59"
  })
  void saysWhichPartIsOutOfRange(String text, String reason) {
    assertThatThrownBy(() -> Rfc3339Instant.parse("at", text)).hasMessage("at: " + reason);
  }

  @Test
  void rejectsAnAtMoreThanFiveMinutesAfterTheServerClock() {
    String data = "{\"account_id\":9,\"name\":\"x\"}";

    assertThat(readOne(accountUpdated("e", "2026-11-24T00:05:00Z", data)))
        .isInstanceOf(DecodedLine.class);
    assertThat(
            ((RejectedLine) readOne(accountUpdated("e", "2026-11-24T00:05:00.001Z", data)))
                .describe())
        .isEqualTo("at: more than 5 minutes in the future");
  }

  @Test
  void readsANestedInstantNotLaterThanTheEventsAt() {
    assertThat(data("{\"s\":\"2026-10-23T11:00:00.000999+01:00\"}").optionalInstantNotAfterAt("s"))
        .contains(IngestFixtures.AT);
    assertThat(data("{\"s\":null}").optionalInstantNotAfterAt("s")).isEmpty();
    assertThat(data("{\"s\":\"\"}").optionalInstantNotAfterAt("s")).isEmpty();
  }

  @Test
  void rejectsANestedInstantLaterThanTheEventsAt() {
    assertThatThrownBy(
            () -> data("{\"s\":\"2026-10-23T10:00:00.001Z\"}").optionalInstantNotAfterAt("s"))
        .hasMessage("s: later than the event's at");
    assertThatThrownBy(() -> data("{\"s\":\"yesterday\"}").optionalInstantNotAfterAt("s"))
        .hasMessage("s: not an RFC 3339 date-time with seconds and offset");
  }
}
