package com.conversation24.exports.reports.timelines;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of a range in which a zone keeps one offset from UTC: there the local hour of day of an
 * instant is {@code floor((t + offset) / 1 h) mod 24}, which the database can count by without
 * knowing the zone. A month has one or two such spans, a year three.
 *
 * @param from included
 * @param to excluded
 */
public record OffsetSpan(Instant from, Instant to, ZoneOffset offset) {

  private static final long HOUR_MS = 3_600_000L;

  /** {@code [from, to)} cut at every change of the zone's offset. */
  public static List<OffsetSpan> of(Instant from, Instant to, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<OffsetSpan> spans = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      ZoneOffsetTransition next = rules.nextTransition(start);
      Instant end = next == null || !next.getInstant().isBefore(to) ? to : next.getInstant();
      spans.add(new OffsetSpan(start, end, rules.getOffset(start)));
      start = end;
    }
    return spans;
  }

  public long offsetMillis() {
    return offset.getTotalSeconds() * 1000L;
  }

  /** The local hour of day (0-23) of an instant of this span, as the database computes it. */
  public int hourOfDay(long epochMillis) {
    return (int) Math.floorMod(Math.floorDiv(epochMillis + offsetMillis(), HOUR_MS), 24L);
  }
}
