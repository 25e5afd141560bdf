package com.conversation24.exports.reports.timelines;

import com.conversation24.exports.reports.ReportCriteria;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * One clock hour of a time zone, known by the instant it begins. On the day clocks go back the
 * repeated hour is two buckets (25 in the day); on the day they go forward the skipped hour is none
 * (23). Where a shift is 30 minutes, the hour around it lasts 30 or 90 minutes.
 */
public record HourBucket(Instant begin, LocalDateTime localHour, ZoneId zone) {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00");
  private static final DateTimeFormatter BEGIN_OF_HOUR = DateTimeFormatter.ofPattern("HH:00:00");
  private static final DateTimeFormatter END_OF_HOUR = DateTimeFormatter.ofPattern("HH:59:59");

  /** The clock hour that holds {@code t}. */
  public static HourBucket of(Instant t, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    LocalDateTime hour = local.toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
    ZoneOffsetTransition transition = zone.getRules().getTransition(hour);
    Instant begin;
    if (transition != null && transition.isGap()) {
      // The hour's first minutes were skipped: the hour begins when the clock jumps into it.
      begin = transition.getInstant();
    } else {
      // Keeping the offset of t tells the two passes of a repeated hour apart.
      begin = ZonedDateTime.ofLocal(hour, zone, local.getOffset()).toInstant();
    }
    return new HourBucket(begin, hour, zone);
  }

  public LocalDate localDay() {
    return localHour.toLocalDate();
  }

  public int hourOfDay() {
    return localHour.getHour();
  }

  /** Unix seconds of the first instant (00:00 where it exists) of the bucket's local day. */
  public long dayStartEpochSecond() {
    return localDay().atStartOfDay(zone).toEpochSecond();
  }

  /** {@code YYYY-MM-DD HH:00:00}, the clock hour's name in the zone. */
  public String label() {
    return LABEL.format(localHour);
  }

  /** {@code HH:00:00}. */
  public String beginOfHour() {
    return BEGIN_OF_HOUR.format(localHour);
  }

  /** {@code HH:59:59}. */
  public String endOfHour() {
    return END_OF_HOUR.format(localHour);
  }

  /** A bucket belongs to a range when the instant it begins does. */
  public boolean in(ReportCriteria criteria) {
    return criteria.inRange(begin);
  }
}
