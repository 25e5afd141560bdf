package com.conversation24.exports.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Schedules on worked examples a reader can check with a calendar: Amsterdam (CET, UTC+1; CEST,
 * UTC+2 from 02:00 on 29 March 2026 to 03:00 on 25 October 2026) and Kolkata (UTC+5:30, no DST).
 */
class DeliveryScheduleTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void aDaily0230RunsOnceOnTheDayTheClockSkipsTheHourAt0330Cest() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(2, 30), AMSTERDAM);

    List<Instant> week = schedule.between(at("2026-03-26T00:00:00Z"), at("2026-04-02T00:00:00Z"));

    assertThat(week)
        .containsExactly(
            at("2026-03-26T01:30:00Z"), // 02:30 CET
            at("2026-03-27T01:30:00Z"),
            at("2026-03-28T01:30:00Z"),
            at("2026-03-29T01:30:00Z"), // 02:30 does not exist: 03:30 CEST, once
            at("2026-03-30T00:30:00Z"), // 02:30 CEST
            at("2026-03-31T00:30:00Z"),
            at("2026-04-01T00:30:00Z"));
  }

  @Test
  void aDaily0230RunsOnceOnTheDayTheHourRepeatsAtItsFirstOccurrence() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(2, 30), AMSTERDAM);

    List<Instant> week = schedule.between(at("2026-10-22T00:00:00Z"), at("2026-10-29T00:00:00Z"));

    assertThat(week)
        .containsExactly(
            at("2026-10-22T00:30:00Z"), // 02:30 CEST
            at("2026-10-23T00:30:00Z"),
            at("2026-10-24T00:30:00Z"),
            at("2026-10-25T00:30:00Z"), // 02:30 CEST; 02:30 CET an hour later is not a second run
            at("2026-10-26T01:30:00Z"), // 02:30 CET
            at("2026-10-27T01:30:00Z"),
            at("2026-10-28T01:30:00Z"));
  }

  @Test
  void aClockSweepingEveryThirtySecondsThroughTheRepeatedHourClaimsEachDayOnce() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(2, 30), AMSTERDAM);
    // The delivery's unique key: a set of periods. Each sweep claims the latest occurrence.
    TreeSet<Instant> claimed = new TreeSet<>();
    Instant start = at("2026-10-24T12:00:00Z");
    for (Instant now = start; now.isBefore(at("2026-10-26T12:00:00Z")); now = now.plusSeconds(30)) {
      Instant latest = schedule.latestAtOrBefore(now);
      if (latest.isAfter(start)) {
        claimed.add(latest);
      }
    }

    assertThat(claimed).containsExactly(at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z"));
  }

  @Test
  void aWeeklyMonday0700FollowsTheLocalTimeAcrossTheSpringChange() {
    DeliverySchedule schedule = DeliverySchedule.weekly(DayOfWeek.MONDAY, LocalTime.of(7, 0), AMSTERDAM);

    assertThat(schedule.between(at("2026-03-20T00:00:00Z"), at("2026-04-07T00:00:00Z")))
        .containsExactly(
            at("2026-03-23T06:00:00Z"), // 07:00 CET
            at("2026-03-30T05:00:00Z"), // 07:00 CEST, the day after the change
            at("2026-04-06T05:00:00Z"));
    // A week of it: one delivery.
    assertThat(schedule.between(at("2026-03-24T00:00:00Z"), at("2026-03-31T00:00:00Z")))
        .containsExactly(at("2026-03-30T05:00:00Z"));
  }

  @Test
  void aMonthlyDay31RunsOnEachMonthsLastDayInKolkata() {
    DeliverySchedule schedule = DeliverySchedule.monthly(31, LocalTime.of(9, 0), KOLKATA);

    assertThat(schedule.between(at("2026-01-15T00:00:00Z"), at("2026-05-15T00:00:00Z")))
        .containsExactly(
            at("2026-01-31T03:30:00Z"), // 09:00 IST is 03:30 UTC
            at("2026-02-28T03:30:00Z"),
            at("2026-03-31T03:30:00Z"),
            at("2026-04-30T03:30:00Z"));
    assertThat(DeliverySchedule.monthly(29, LocalTime.of(9, 0), KOLKATA)
            .between(at("2028-02-01T00:00:00Z"), at("2028-03-01T00:00:00Z")))
        .as("a leap year's February has its 29th")
        .containsExactly(at("2028-02-29T03:30:00Z"));
  }

  @Test
  void aDailyKolkataTimeJustAfterMidnightIsTheEveningBeforeInUtc() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(0, 15), KOLKATA);

    List<Instant> week = schedule.between(at("2026-03-25T00:00:00Z"), at("2026-04-01T00:00:00Z"));

    // 00:15 IST is 18:45 UTC of the day before, every day alike: Kolkata has no DST.
    assertThat(week).hasSize(7).allMatch(i -> i.toString().endsWith("T18:45:00Z"));
    assertThat(week.get(0)).isEqualTo(at("2026-03-25T18:45:00Z"));
    for (int i = 1; i < week.size(); i++) {
      assertThat(Duration.between(week.get(i - 1), week.get(i))).isEqualTo(Duration.ofDays(1));
    }
  }

  @Test
  void anOccurrenceIsTheLatestAtItsOwnInstantAndTheNextIsStrictlyAfter() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(7, 0), AMSTERDAM);
    Instant seven = at("2026-10-24T05:00:00Z");

    assertThat(schedule.latestAtOrBefore(seven)).isEqualTo(seven);
    assertThat(schedule.latestAtOrBefore(seven.minusMillis(1))).isEqualTo(at("2026-10-23T05:00:00Z"));
    assertThat(schedule.nextAfter(seven)).isEqualTo(at("2026-10-25T06:00:00Z"));
    assertThat(schedule.nextAfter(seven.minusMillis(1))).isEqualTo(seven);
  }

  @Test
  void aScheduleThatCannotOccurIsRefused() {
    assertThatThrownBy(() -> DeliverySchedule.monthly(0, LocalTime.NOON, KOLKATA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeliverySchedule.monthly(32, LocalTime.NOON, KOLKATA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new DeliverySchedule(DeliverySchedule.Every.DAY, LocalTime.NOON,
                Optional.of(DayOfWeek.MONDAY), Optional.empty(), KOLKATA))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
