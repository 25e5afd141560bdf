package com.conversation24.exports.reports.automaticinvites;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.StoredEvents;
import com.conversation24.exports.reports.timelines.HourBucket;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.traffic.api.InviteOutcome;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Automatic invites report: per campaign, clock hour and invite entry point, the outcomes of
 * the invite (REPORTS.md "Automatic invites"). Outcomes of an entry point that is not an invite, or
 * not known yet, count nowhere.
 */
public final class AutomaticInvitesReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("chatcampaign_id", "The campaign of the invite entry point."),
          Column.number("date", "Unix seconds of 00:00 of the hour bucket's local day in tz."),
          Column.number("hour_of_day", "The hour bucket's local clock hour in tz, 0-23."),
          Column.id(
              "filter_id",
              "The automatic invite: the id of the invite entry point (called a filter)."),
          Column.id("account_id", "The account that owns the campaign."),
          Column.time("hour_begin_time", "The start of the hour bucket as local HH:00:00 in tz."),
          Column.time(
              "hour_end_time",
              "The last second of the hour bucket as local HH:59:59 in tz."),
          Column.text("filter_name", "The invite entry point's latest name."),
          Column.number(
              "num_proactive",
              "Count of invite.outcome shown in the bucket: invites shown to a visitor. 0 when"
                  + " none."),
          Column.number(
              "num_proactive_accepted",
              "Count of invite.outcome accepted in the bucket: invites the visitor accepted. 0"
                  + " when none."),
          Column.number(
              "num_proactive_declined",
              "Count of invite.outcome declined in the bucket: invites the visitor declined. 0"
                  + " when none."),
          Column.number(
              "num_proactive_match",
              "Count of invite.outcome matched in the bucket. 0 when none."),
          Column.number(
              "num_proactive_cancelled",
              "Count of invite.outcome cancelled in the bucket. 0 when none."),
          Column.number(
              "num_proactive_no_availability",
              "Count of invite.outcome no_availability in the bucket. 0 when none."),
          Column.number(
              "num_proactive_expired",
              "Count of invite.outcome expired in the bucket. 0 when none."),
          Column.number(
              "num_proactive_ignored",
              "Count of invite.outcome ignored in the bucket. 0 when none."));

  /** The outcome counted in each num_proactive column, in column order. */
  private static final List<InviteOutcome> COUNTED =
      List.of(
          InviteOutcome.SHOWN,
          InviteOutcome.ACCEPTED,
          InviteOutcome.DECLINED,
          InviteOutcome.MATCHED,
          InviteOutcome.CANCELLED,
          InviteOutcome.NO_AVAILABILITY,
          InviteOutcome.EXPIRED,
          InviteOutcome.IGNORED);

  private record Key(HourBucket bucket, Directory.EntryPoint invite) {}

  private static final Comparator<Key> ORDER =
      Comparator.<Key, Instant>comparing(k -> k.bucket().begin())
          .thenComparingLong(k -> k.invite().campaignId())
          .thenComparingLong(k -> k.invite().id());

  private AutomaticInvitesReport() {}

  /** The rows, counted from every outcome of the facts. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return rows(
        facts.directory(),
        StoredEvents.of(facts, InviteOutcomeRecorded.class).stream()
            .flatMap(outcome -> EntryPointTally.of(outcome).stream())
            .toList(),
        criteria);
  }

  /**
   * The rows, from tallies of entry points (outcomes one by one, or counts kept per quarter hour):
   * each tally counts in the clock hour that holds its instant.
   */
  public static List<List<String>> rows(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    Map<Key, Map<InviteOutcome, Long>> counts = new HashMap<>();
    for (EntryPointTally tally : tallies) {
      Optional<InviteOutcome> outcome = tally.counter().outcome();
      if (outcome.isEmpty()) {
        continue;
      }
      Optional<Directory.EntryPoint> invite =
          directory
              .entryPoint(tally.entryPointId())
              .filter(e -> e.type() == EntryPointType.INVITE);
      if (invite.isEmpty()) {
        continue;
      }
      long campaignId = invite.get().campaignId();
      HourBucket bucket = HourBucket.of(tally.at(), criteria.zone());
      if (bucket.in(criteria)
          && criteria.campaignSelected(campaignId)
          && criteria.scope().sees(directory.campaignAccount(campaignId))) {
        counts
            .computeIfAbsent(new Key(bucket, invite.get()), k -> new EnumMap<>(InviteOutcome.class))
            .merge(outcome.get(), tally.count(), Long::sum);
      }
    }
    return counts.keySet().stream()
        .sorted(ORDER)
        .map(key -> row(key, counts.get(key), directory))
        .toList();
  }

  private static List<String> row(Key key, Map<InviteOutcome, Long> counts, Directory directory) {
    HourBucket bucket = key.bucket();
    List<String> cells = new ArrayList<>(COLUMNS.size());
    cells.add(Long.toString(key.invite().campaignId()));
    cells.add(Long.toString(bucket.dayStartEpochSecond()));
    cells.add(Integer.toString(bucket.hourOfDay()));
    cells.add(Long.toString(key.invite().id()));
    cells.add(Cells.of(directory.campaignAccount(key.invite().campaignId())));
    cells.add(bucket.beginOfHour());
    cells.add(bucket.endOfHour());
    cells.add(key.invite().name());
    for (InviteOutcome outcome : COUNTED) {
      cells.add(Long.toString(counts.getOrDefault(outcome, 0L)));
    }
    return cells;
  }
}
