package com.conversation24.exports.reports.traffic;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.timelines.HourBucket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Adds entry points' tallies up per clock hour of the criteria's zone, for Traffic and Automatic
 * invites: each tally counts in the hour that holds its instant, under its entry point's campaign,
 * where the criteria take that hour, campaign and account. Tallies come in time order, so the
 * hours complete one after the other and only the current one's counters are held: each is handed
 * on, its entry points in the report's order, as soon as the next begins.
 */
public final class HourlyTallies {

  /** Receives one hour's counters, entry point by entry point. */
  @FunctionalInterface
  public interface Hour {
    void counted(HourBucket bucket, CountedEntryPoint entryPoint, Map<TrafficCounter, Long> counts);
  }

  private final ReportCriteria criteria;
  private final LongFunction<Optional<CountedEntryPoint>> entryPoints;
  private final Predicate<EntryPointTally> counted;
  private final Hour hour;
  private HourBucket current;
  private final Map<CountedEntryPoint, Map<TrafficCounter, Long>> counts =
      new TreeMap<>(CountedEntryPoint.ORDER);

  /**
   * @param counted which tallies this report counts (and of which entry points)
   */
  public HourlyTallies(
      ReportCriteria criteria,
      LongFunction<Optional<CountedEntryPoint>> entryPoints,
      Predicate<EntryPointTally> counted,
      Hour hour) {
    this.criteria = criteria;
    this.entryPoints = entryPoints;
    this.counted = counted;
    this.hour = hour;
  }

  /** Counts a tally; tallies come in time order. */
  public void add(EntryPointTally tally) {
    if (!counted.test(tally)) {
      return;
    }
    Optional<CountedEntryPoint> entryPoint = entryPoints.apply(tally.entryPointId());
    if (entryPoint.isEmpty()) {
      return;
    }
    HourBucket bucket = HourBucket.of(tally.at(), criteria.zone());
    if (!bucket.in(criteria)
        || !criteria.campaignSelected(entryPoint.get().campaignId())
        || !criteria.scope().sees(entryPoint.get().accountId())) {
      return;
    }
    if (current != null && !current.equals(bucket)) {
      if (bucket.begin().isBefore(current.begin())) {
        throw new IllegalArgumentException("tallies out of time order at " + tally);
      }
      finish();
    }
    current = bucket;
    counts
        .computeIfAbsent(entryPoint.get(), e -> new EnumMap<>(TrafficCounter.class))
        .merge(tally.counter(), tally.count(), Long::sum);
  }

  /** Hands on the last hour; no tally may follow. */
  public void finish() {
    if (current != null) {
      counts.forEach(
          (entryPoint, c) -> {
            if (c.values().stream().anyMatch(n -> n > 0)) {
              hour.counted(current, entryPoint, c);
            }
          });
      counts.clear();
      current = null;
    }
  }
}
