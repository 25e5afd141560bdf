package com.conversation24.exports.reports.traffic;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.timelines.HourBucket;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Traffic report: per campaign, clock hour and entry point, the visits, views, clicks and chats
 * (REPORTS.md "Traffic"). Figures count under the entry point's campaign, so an event of an entry
 * point not known yet counts nowhere until the entry point arrives.
 */
public final class TrafficReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("chatcampaign_id", "The campaign of the entry point."),
          Column.time("hour_begin_time", "The start of the clock hour of tz the counts are for."),
          Column.id("entrypoint_id", "The entry point (chat button or automatic invite)."),
          Column.text("entrypoint", "The entry point's latest name."),
          Column.number(
              "visits",
              "Count of page views (page.viewed) in the hour that list the entry point; listed"
                  + " twice in one view counts once."),
          Column.number(
              "views",
              "Count of entrypoint.viewed in the hour: the visitor saw the button or invite."),
          Column.number("clicks", "Count of entrypoint.clicked in the hour."),
          Column.number(
              "chats",
              "Count of conversations started through the entry point in the hour"
                  + " (conversation.started)."));

  private record Key(HourBucket bucket, Directory.EntryPoint entryPoint) {}

  private static final class Counters {
    long visits;
    long views;
    long clicks;
    long chats;

    void add(EntryPointTally tally) {
      switch (tally.counter()) {
        case VISITS -> visits += tally.count();
        case VIEWS -> views += tally.count();
        case CLICKS -> clicks += tally.count();
        case CHATS -> chats += tally.count();
        default -> throw new IllegalArgumentException("not a traffic counter: " + tally.counter());
      }
    }
  }

  private static final Comparator<Key> ORDER =
      Comparator.<Key, Instant>comparing(k -> k.bucket().begin())
          .thenComparingLong(k -> k.entryPoint().campaignId())
          .thenComparingLong(k -> k.entryPoint().id());

  private TrafficReport() {}

  /** The rows, counted from every event of the facts. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return rows(facts.directory(), EntryPointTally.all(facts), criteria);
  }

  /**
   * The rows, from tallies of entry points (events one by one, or counts kept per quarter hour):
   * each tally counts in the clock hour that holds its instant.
   */
  public static List<List<String>> rows(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    Map<Key, Counters> counters = new HashMap<>();
    Counting counting = new Counting(directory, criteria, counters);
    for (EntryPointTally tally : tallies) {
      // Invite outcomes are the Automatic invites report's.
      if (tally.counter().outcome().isEmpty()) {
        counting.at(tally.at(), tally.entryPointId()).ifPresent(c -> c.add(tally));
      }
    }
    return counters.keySet().stream()
        .sorted(ORDER)
        .map(key -> row(key, counters.get(key)))
        .toList();
  }

  private static List<String> row(Key key, Counters c) {
    return List.of(
        Long.toString(key.entryPoint().campaignId()),
        key.bucket().label(),
        Long.toString(key.entryPoint().id()),
        key.entryPoint().name(),
        Long.toString(c.visits),
        Long.toString(c.views),
        Long.toString(c.clicks),
        Long.toString(c.chats));
  }

  /** Finds the counters of an event, or none when the report does not show it. */
  private record Counting(
      Directory directory, ReportCriteria criteria, Map<Key, Counters> counters) {

    Optional<Counters> at(Instant t, long entryPointId) {
      Optional<Directory.EntryPoint> entryPoint = directory.entryPoint(entryPointId);
      if (entryPoint.isEmpty()) {
        return Optional.empty();
      }
      long campaignId = entryPoint.get().campaignId();
      HourBucket bucket = HourBucket.of(t, criteria.zone());
      if (!bucket.in(criteria)
          || !criteria.campaignSelected(campaignId)
          || !criteria.scope().sees(directory.campaignAccount(campaignId))) {
        return Optional.empty();
      }
      return Optional.of(
          counters.computeIfAbsent(new Key(bucket, entryPoint.get()), k -> new Counters()));
    }
  }
}
