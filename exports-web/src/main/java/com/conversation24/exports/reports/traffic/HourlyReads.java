package com.conversation24.exports.reports.traffic;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.timelines.QuarterHours;
import com.conversation24.traffic.api.TrafficFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * What Traffic and Automatic invites count, read for a range: the counts kept per quarter hour
 * where every quarter of the range lies inside one clock hour of the zone (decision 17), else the
 * events of the range themselves (old local mean times), so the reports are exact in every zone.
 */
@ApplicationScoped
public class HourlyReads {

  /** Past its start, the longest a clock hour lasts (90 minutes where a zone shifts by 30). */
  private static final Duration LONGEST_HOUR = Duration.ofHours(2);

  @Inject TrafficQuarterStore quarters;

  @Inject TrafficFacts facts;

  @Inject DataSource dataSource;

  /**
   * Counts the range's tallies, in time order, into the hours that {@code counting} makes of them
   * (given the entry points as the directory says now), then finishes the last hour.
   */
  public void count(
      ReportCriteria criteria,
      Function<LongFunction<Optional<CountedEntryPoint>>, HourlyTallies> counting) {
    Instant from = criteria.from().minus(LONGEST_HOUR);
    Instant to = criteria.to().plus(LONGEST_HOUR);
    Map<Long, CountedEntryPoint> entryPoints = new HashMap<>();
    HourlyTallies hours = counting.apply(id -> Optional.ofNullable(entryPoints.get(id)));
    if (QuarterHours.wholeIn(criteria.zone(), from, to)) {
      quarters.forEachTally(
          criteria, from, to, e -> entryPoints.put(e.id(), e), hours::add);
    } else {
      List<EntryPointTally> tallies = eventsOf(from, to);
      Set<Long> ids = new HashSet<>();
      tallies.forEach(t -> ids.add(t.entryPointId()));
      entryPoints.putAll(entryPoints(ids));
      EntryPointTally.inTimeOrder(tallies).forEach(hours::add);
    }
    hours.finish();
  }

  /** Every traffic event and conversation start of {@code [from, to)}, one tally each. */
  private List<EntryPointTally> eventsOf(Instant from, Instant to) {
    List<EntryPointTally> tallies = new ArrayList<>();
    for (PlatformEvent event : facts.between(from, to)) {
      tallies.addAll(EntryPointTally.of(event));
    }
    Sql.list(
            dataSource,
            "SELECT entry_point_id, started_at_ms FROM exports_conversation"
                + " WHERE started_at_ms >= ? AND started_at_ms < ?",
            List.of(from.toEpochMilli(), to.toEpochMilli()),
            rows ->
                EntryPointTally.one(
                    rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), TrafficCounter.CHATS))
        .forEach(tallies::add);
    return tallies;
  }

  /** These entry points, those known, with their campaigns' accounts. */
  private Map<Long, CountedEntryPoint> entryPoints(Set<Long> ids) {
    Map<Long, CountedEntryPoint> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    Sql.list(
            dataSource,
            "SELECT e.entry_point_id, e.campaign_id, c.account_id, e.name, e.type FROM"
                + " exports_entry_point e LEFT JOIN exports_campaign c ON c.campaign_id ="
                + " e.campaign_id WHERE e.entry_point_id IN ("
                + Sql.placeholders(ids.size())
                + ")",
            List.copyOf(ids),
            rows -> {
              long account = rows.getLong(3);
              return new CountedEntryPoint(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.wasNull() || account == DirectoryStore.NO_ACCOUNT
                      ? OptionalLong.empty()
                      : OptionalLong.of(account),
                  rows.getString(4),
                  EntryPointType.valueOf(rows.getString(5)));
            })
        .forEach(e -> found.put(e.id(), e));
    return found;
  }
}
