package com.conversation24.exports.reports.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.ReportCriteria;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HourBucketTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** The distinct buckets met by walking a local day minute by minute. */
  private static List<HourBucket> bucketsOf(LocalDate day, ZoneId zone) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    Set<HourBucket> buckets = new LinkedHashSet<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      buckets.add(HourBucket.of(t, zone));
    }
    return new ArrayList<>(buckets);
  }

  @Test
  void dayWhenClocksGoBackHas25BucketsWithHourTwoTwice() {
    List<HourBucket> buckets = bucketsOf(LocalDate.of(2026, 10, 25), AMSTERDAM);

    assertThat(buckets).hasSize(25);
    assertThat(buckets.stream().map(HourBucket::label).filter(l -> l.endsWith("02:00:00")))
        .containsExactly("2026-10-25 02:00:00", "2026-10-25 02:00:00");
    assertThat(buckets.get(2).begin()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    assertThat(buckets.get(3).begin()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
  }

  @Test
  void dayWhenClocksGoForwardHas23BucketsWithoutHourTwo() {
    List<HourBucket> buckets = bucketsOf(LocalDate.of(2026, 3, 29), AMSTERDAM);

    assertThat(buckets).hasSize(23);
    assertThat(buckets).extracting(HourBucket::hourOfDay).doesNotContain(2);
  }

  @Test
  void halfHourZoneBuckets() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");

    HourBucket bucket = HourBucket.of(Instant.parse("2026-10-24T04:29:59Z"), kolkata);

    // 04:29:59Z is 09:59:59 in India (+05:30): the clock hour 09 began at 03:30Z.
    assertThat(bucket.begin()).isEqualTo(Instant.parse("2026-10-24T03:30:00Z"));
    assertThat(bucket.label()).isEqualTo("2026-10-24 09:00:00");
    assertThat(bucketsOf(LocalDate.of(2026, 10, 24), kolkata)).hasSize(24);
    assertThat(HourBucket.of(Instant.parse("2026-10-24T04:30:00Z"), kolkata).hourOfDay())
        .isEqualTo(10);
  }

  @Test
  void thirtyMinuteShiftMakesHoursOf90And30Minutes() {
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    // Clocks go back from 02:00 (+11) to 01:30 (+10:30) on 2026-04-05.
    List<HourBucket> back = bucketsOf(LocalDate.of(2026, 4, 5), lordHowe);
    HourBucket one = back.get(1);
    assertThat(back).hasSize(24);
    assertThat(Duration.between(one.begin(), back.get(2).begin()))
        .isEqualTo(Duration.ofMinutes(90));
    // Clocks go forward from 02:00 (+10:30) to 02:30 (+11) on 2026-10-04.
    List<HourBucket> forward = bucketsOf(LocalDate.of(2026, 10, 4), lordHowe);
    assertThat(forward).hasSize(24);
    assertThat(forward.get(2).label()).isEqualTo("2026-10-04 02:00:00");
    assertThat(Duration.between(forward.get(2).begin(), forward.get(3).begin()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void dateIsTheUnixSecondOfLocalMidnight() {
    HourBucket bucket = HourBucket.of(Instant.parse("2026-10-25T12:00:00Z"), AMSTERDAM);

    // Midnight of 25 October in Amsterdam is still summer time (+02:00).
    assertThat(bucket.dayStartEpochSecond())
        .isEqualTo(Instant.parse("2026-10-24T22:00:00Z").getEpochSecond());
    assertThat(bucket.beginOfHour()).isEqualTo("13:00:00");
    assertThat(bucket.endOfHour()).isEqualTo("13:59:59");
  }

  @Test
  void bucketBelongsToTheRangeWhenItsBeginDoes() {
    ReportCriteria fromHalfPast =
        ReportCriteria.all(
            Instant.parse("2026-10-24T10:30:00Z"),
            Instant.parse("2026-10-24T12:30:00Z"),
            ZoneId.of("UTC"));

    assertThat(
            HourBucket.of(Instant.parse("2026-10-24T10:45:00Z"), ZoneId.of("UTC")).in(fromHalfPast))
        .isFalse();
    assertThat(
            HourBucket.of(Instant.parse("2026-10-24T12:45:00Z"), ZoneId.of("UTC")).in(fromHalfPast))
        .isTrue();
  }
}
