package com.conversation24.exports.reports.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OffsetSpanTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void aMonthOverTheSpringChangeIsTwoSpans() {
    // Amsterdam goes from +01:00 to +02:00 at 2026-03-29 01:00 UTC.
    var spans =
        OffsetSpan.of(
            Instant.parse("2026-03-15T00:00:00Z"), Instant.parse("2026-04-15T00:00:00Z"), AMSTERDAM);

    assertThat(spans)
        .containsExactly(
            new OffsetSpan(
                Instant.parse("2026-03-15T00:00:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"),
                ZoneOffset.ofHours(1)),
            new OffsetSpan(
                Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-04-15T00:00:00Z"),
                ZoneOffset.ofHours(2)));
  }

  @Test
  void aRangeWithoutChangeIsOneSpanAndAnEmptyRangeNone() {
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant to = Instant.parse("2026-06-02T00:00:00Z");

    assertThat(OffsetSpan.of(from, to, AMSTERDAM))
        .containsExactly(new OffsetSpan(from, to, ZoneOffset.ofHours(2)));
    assertThat(OffsetSpan.of(from, from, AMSTERDAM)).isEmpty();
    assertThat(OffsetSpan.of(from, to, ZoneOffset.UTC))
        .containsExactly(new OffsetSpan(from, to, ZoneOffset.UTC));
  }

  @Test
  void theHourOfDayIsTheLocalClocksHour() {
    OffsetSpan summer =
        OffsetSpan.of(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z"), AMSTERDAM)
            .get(0);
    OffsetSpan kolkata =
        OffsetSpan.of(
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T00:00:00Z"),
                ZoneId.of("Asia/Kolkata"))
            .get(0);

    // 22:59:59 UTC is 00:59:59 in Amsterdam and 04:29:59 in Kolkata; 18:30 UTC is midnight there.
    assertThat(summer.hourOfDay(Instant.parse("2026-06-01T22:59:59Z").toEpochMilli())).isZero();
    assertThat(summer.hourOfDay(Instant.parse("2026-06-01T21:59:59Z").toEpochMilli())).isEqualTo(23);
    assertThat(kolkata.hourOfDay(Instant.parse("2026-06-01T22:59:59Z").toEpochMilli())).isEqualTo(4);
    assertThat(kolkata.hourOfDay(Instant.parse("2026-06-01T18:30:00Z").toEpochMilli())).isZero();
    // Before 1970 too: 1969-12-31T23:30 UTC is 00:30 in Amsterdam's winter.
    OffsetSpan winter = new OffsetSpan(Instant.EPOCH, Instant.EPOCH, ZoneOffset.ofHours(1));
    assertThat(winter.hourOfDay(-30 * 60_000L)).isZero();
    assertThat(winter.hourOfDay(-90 * 60_000L)).isEqualTo(23);
  }
}
