package com.conversation24.exports.deliveries;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a saved export is delivered: every day, every week on a weekday, or every month on a day,
 * at a local time of the criteria's time zone. Each local day that matches has exactly one
 * occurrence, DST included: a time the clock skips (02:30 on the last Sunday of March in
 * Amsterdam) runs at the same distance past the gap (03:30 CEST), a time that occurs twice (02:30
 * on the last Sunday of October) runs at its first, the earlier offset ({@link
 * ZonedDateTime#of}'s own rules). A monthly day past a month's end (31 in April, 29 to 31 in
 * February) runs on the month's last day, so "every month on the 31st" means "on the last day".
 *
 * @param weekday only for {@link Every#WEEK}
 * @param day 1 to 31, only for {@link Every#MONTH}
 */
public record DeliverySchedule(
    Every every, LocalTime at, Optional<DayOfWeek> weekday, Optional<Integer> day, ZoneId zone) {

  /** How often. */
  public enum Every {
    DAY,
    WEEK,
    MONTH
  }

  /** A month's occurrence is found within this many days of any instant: bounds every search. */
  private static final int LONGEST_GAP_DAYS = 62;

  public DeliverySchedule {
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(zone, "zone");
    if ((every == Every.WEEK) != weekday.isPresent()) {
      throw new IllegalArgumentException("a weekday for weekly schedules, and only for them");
    }
    if ((every == Every.MONTH) != day.isPresent()) {
      throw new IllegalArgumentException("a day of the month for monthly schedules, and only for them");
    }
    if (day.isPresent() && (day.get() < 1 || day.get() > 31)) {
      throw new IllegalArgumentException("a day of the month is 1 to 31");
    }
    at = at.withSecond(0).withNano(0);
  }

  public static DeliverySchedule daily(LocalTime at, ZoneId zone) {
    return new DeliverySchedule(Every.DAY, at, Optional.empty(), Optional.empty(), zone);
  }

  public static DeliverySchedule weekly(DayOfWeek weekday, LocalTime at, ZoneId zone) {
    return new DeliverySchedule(Every.WEEK, at, Optional.of(weekday), Optional.empty(), zone);
  }

  public static DeliverySchedule monthly(int day, LocalTime at, ZoneId zone) {
    return new DeliverySchedule(Every.MONTH, at, Optional.empty(), Optional.of(day), zone);
  }

  /** The occurrence on this local day, if the day is one of the schedule's. */
  public Optional<Instant> on(LocalDate date) {
    boolean matches =
        switch (every) {
          case DAY -> true;
          case WEEK -> date.getDayOfWeek() == weekday.orElseThrow();
          case MONTH -> date.getDayOfMonth() == Math.min(day.orElseThrow(), date.lengthOfMonth());
        };
    return matches ? Optional.of(ZonedDateTime.of(date, at, zone).toInstant()) : Optional.empty();
  }

  /** The last occurrence at or before {@code now}. */
  public Instant latestAtOrBefore(Instant now) {
    LocalDate date = LocalDate.ofInstant(now, zone);
    for (LocalDate d = date; !d.isBefore(date.minusDays(LONGEST_GAP_DAYS)); d = d.minusDays(1)) {
      Optional<Instant> at = on(d);
      if (at.isPresent() && !at.get().isAfter(now)) {
        return at.get();
      }
    }
    throw new IllegalStateException("no occurrence within " + LONGEST_GAP_DAYS + " days of " + now);
  }

  /** The first occurrence strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    LocalDate date = LocalDate.ofInstant(after, zone);
    // From the day before: a time in a gap just before midnight runs past it, on the next date.
    for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(LONGEST_GAP_DAYS)); d = d.plusDays(1)) {
      Optional<Instant> at = on(d);
      if (at.isPresent() && at.get().isAfter(after)) {
        return at.get();
      }
    }
    throw new IllegalStateException("no occurrence within " + LONGEST_GAP_DAYS + " days of " + after);
  }

  /** Every occurrence in {@code (from, to]}, in order: what a clock running over it delivers. */
  public List<Instant> between(Instant from, Instant to) {
    List<Instant> found = new ArrayList<>();
    for (Instant next = nextAfter(from); !next.isAfter(to); next = nextAfter(next)) {
      found.add(next);
    }
    return found;
  }
}
