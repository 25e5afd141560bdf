package com.conversation24.exports.reports.automaticinvites;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.TextCells;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.StoredEvents;
import com.conversation24.exports.reports.traffic.CountedEntryPoint;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.exports.reports.traffic.HourlyTallies;
import com.conversation24.traffic.api.InviteOutcome;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The Automatic invites report: per campaign, clock hour and invite entry point, the outcomes of
 * the invite (REPORTS.md "Automatic invites"). Outcomes of an entry point that is not an invite, or
 * not known yet, count nowhere.
 */
public final class AutomaticInvitesReport {

  public static final List<Column<AutomaticInvitesRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id", "The campaign of the invite entry point.",
              AutomaticInvitesRow::campaignId),
          Column.count(
              "date", "Unix seconds of 00:00 of the hour bucket's local day in tz.",
              r -> r.bucket().dayStartEpochSecond()),
          Column.count(
              "hour_of_day", "The hour bucket's local clock hour in tz, 0-23.",
              r -> r.bucket().hourOfDay()),
          Column.id(
              "filter_id",
              "The automatic invite: the id of the invite entry point (called a filter).",
              AutomaticInvitesRow::filterId),
          Column.optionalId(
              "account_id", "The account that owns the campaign.",
              AutomaticInvitesRow::accountId),
          Column.timeOfDay(
              "hour_begin_time", "The start of the hour bucket as local HH:00:00 in tz.",
              AutomaticInvitesRow::hourBegin),
          Column.timeOfDay(
              "hour_end_time",
              "The last second of the hour bucket as local HH:59:59 in tz.",
              AutomaticInvitesRow::hourEnd),
          Column.text(
              "filter_name", "The invite entry point's latest name.",
              AutomaticInvitesRow::filterName),
          Column.count(
              "num_proactive",
              "Count of invite.outcome shown in the bucket: invites shown to a visitor. 0 when"
                  + " none.",
              r -> r.count(InviteOutcome.SHOWN)),
          Column.count(
              "num_proactive_accepted",
              "Count of invite.outcome accepted in the bucket: invites the visitor accepted. 0"
                  + " when none.",
              r -> r.count(InviteOutcome.ACCEPTED)),
          Column.count(
              "num_proactive_declined",
              "Count of invite.outcome declined in the bucket: invites the visitor declined. 0"
                  + " when none.",
              r -> r.count(InviteOutcome.DECLINED)),
          Column.count(
              "num_proactive_match",
              "Count of invite.outcome matched in the bucket. 0 when none.",
              r -> r.count(InviteOutcome.MATCHED)),
          Column.count(
              "num_proactive_cancelled",
              "Count of invite.outcome cancelled in the bucket. 0 when none.",
              r -> r.count(InviteOutcome.CANCELLED)),
          Column.count(
              "num_proactive_no_availability",
              "Count of invite.outcome no_availability in the bucket. 0 when none.",
              r -> r.count(InviteOutcome.NO_AVAILABILITY)),
          Column.count(
              "num_proactive_expired",
              "Count of invite.outcome expired in the bucket. 0 when none.",
              r -> r.count(InviteOutcome.EXPIRED)),
          Column.count(
              "num_proactive_ignored",
              "Count of invite.outcome ignored in the bucket. 0 when none.",
              r -> r.count(InviteOutcome.IGNORED)));

  private static final ReportDefinition.Figures<AutomaticInvitesRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<AutomaticInvitesRow> DEFINITION =
      new ReportDefinition<>(
          "automatic-invites",
          "Automatic invites",
          "The automatic invites report shows you all information regarding the automated greetings"
              + " you installed. It shows the number of automated greetings sent, and how many"
              + " converted into chat conversations. It also shows how many greetings were canceled"
              + " because of unavailability from the agent's side.",
          COLUMNS,
          true,
          true,
          false,
          FIGURES);

  private AutomaticInvitesReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from tallies, printed. */
  public static List<List<String>> rows(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    TextCells<AutomaticInvitesRow> text = new TextCells<>(COLUMNS, criteria.zone());
    return figures(directory, tallies, criteria).stream().map(text::printAsList).toList();
  }

  /** The rows, counted from every outcome of the facts. */
  public static List<AutomaticInvitesRow> figures(ReportFacts facts, ReportCriteria criteria) {
    return figures(
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
  public static List<AutomaticInvitesRow> figures(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    List<AutomaticInvitesRow> rows = new ArrayList<>();
    HourlyTallies hours =
        counting(
            criteria,
            id -> directory.entryPoint(id).map(e -> CountedEntryPoint.of(e, directory)),
            rows::add);
    EntryPointTally.inTimeOrder(tallies).forEach(hours::add);
    hours.finish();
    return rows;
  }

  /**
   * Counts tallies in time order into rows, handed to {@code rows} in the report's order as each
   * hour completes: the outcomes of invite entry points only; those of others count nowhere.
   */
  public static HourlyTallies counting(
      ReportCriteria criteria,
      LongFunction<Optional<CountedEntryPoint>> entryPoints,
      Consumer<AutomaticInvitesRow> rows) {
    return new HourlyTallies(
        criteria,
        id -> entryPoints.apply(id).filter(e -> e.type() == EntryPointType.INVITE),
        tally -> tally.counter().outcome().isPresent(),
        (bucket, invite, counts) -> {
          Map<InviteOutcome, Long> outcomes = new EnumMap<>(InviteOutcome.class);
          counts.forEach((counter, n) -> outcomes.put(counter.outcome().orElseThrow(), n));
          rows.accept(
              new AutomaticInvitesRow(
                  invite.campaignId(), bucket, invite.id(), invite.accountId(), invite.name(), outcomes));
        });
  }
}
