package com.conversation24.exports.reports.timelines;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Quarter hours of UTC, the grain traffic is counted in. A zone whose offsets are whole quarter
 * hours and whose changes happen at whole quarter hours (every zone in use today, Asia/Kolkata's
 * +05:30 and Asia/Kathmandu's +05:45 included) puts each quarter inside one clock hour, so its hour
 * buckets are sums of quarters. Old local mean times (Africa/Monrovia's -00:44:30 until 1972) do
 * not; there the reports count from the events themselves.
 */
public final class QuarterHours {

  public static final long MILLIS = 15 * 60 * 1000L;

  private static final long SECONDS = MILLIS / 1000;

  private QuarterHours() {}

  /** The start of the quarter hour that holds {@code t}, in epoch milliseconds. */
  public static long startOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), MILLIS) * MILLIS;
  }

  /** Whether every quarter hour of {@code [from, to)} lies inside one clock hour of the zone. */
  public static boolean wholeIn(ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    if (rules.getOffset(from).getTotalSeconds() % SECONDS != 0) {
      return false;
    }
    ZoneOffsetTransition next = rules.nextTransition(from);
    while (next != null && next.getInstant().isBefore(to)) {
      if (next.getInstant().getEpochSecond() % SECONDS != 0
          || next.getOffsetAfter().getTotalSeconds() % SECONDS != 0) {
        return false;
      }
      next = rules.nextTransition(next.getInstant());
    }
    return true;
  }
}
