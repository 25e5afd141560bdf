package com.conversation24.exports.reports.agentactivity;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.timelines.ActivityInterval;
import com.conversation24.exports.reports.timelines.PresenceTimeline;
import com.conversation24.exports.reports.timelines.WorkShifts;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Agent activity (REPORTS.md): one row per activity interval of (agent, campaign) that overlaps the
 * range, not clipped; an interval still open has no end and no duration.
 *
 * <p>{@code activity_id} is {@code UUID.nameUUIDFromBytes("activity:" + key)} where the key names
 * the change that starts the interval: the {@code agent.state_changed} event id, or for the offline
 * that a logout (or a login ending an open shift) sets, that event's id, {@code /} and the campaign
 * id. Event ids never contain {@code /}, so keys, and thus ids, are unique, and they do not depend
 * on the export, the range or later events that only move the interval's end.
 */
public final class AgentActivityReport {

  public static final List<Column<AgentActivityRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id",
              "The campaign of the presence change that started the interval; with agent_id it"
                  + " names the pair the row is about.",
              AgentActivityRow::campaignId),
          Column.id(
              "agent_id",
              "The agent whose presence in the campaign the row shows.",
              AgentActivityRow::agentId),
          Column.time(
              "time_start",
              "When the interval began: an agent.state_changed of the pair, or the implicit"
                  + " offline at the end of the agent's work shift, in tz.",
              AgentActivityRow::start),
          Column.optionalTime(
              "time_end",
              "When the interval ended: the next presence change of the same agent and campaign,"
                  + " in tz. Empty while the interval is open.",
              AgentActivityRow::end),
          Column.enumerated(
              "state",
              "The agent's presence in the campaign during the interval: Online or Offline.",
              r -> AgentActivityRow.printed(r.state())),
          Column.optionalDuration(
              "duration_secs",
              "time_end - time_start in seconds, rounded half up to a whole second. Empty while"
                  + " the interval is open.",
              AgentActivityRow::durationMillis),
          Column.optionalId(
              "account_id",
              "The account that owns the campaign; empty while the campaign is not known.",
              AgentActivityRow::accountId),
          Column.textId(
              "activity_id",
              "A UUID naming the interval by the change that starts it: the same on every"
                  + " export, also when a late event moves the interval's end.",
              r -> r.activityId().toString()));

  private static final ReportDefinition.Figures<AgentActivityRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<AgentActivityRow> DEFINITION =
      new ReportDefinition<>(
          "agent-activity",
          "Agent activity",
          "This report provides information regarding the duration of operators' availability. In"
              + " addition to that, you can use this report to determine which users were online"
              + " during a specific time frame.",
          COLUMNS,
          true,
          true,
          true,
          FIGURES);

  private static final Comparator<ActivityInterval> ORDER =
      Comparator.comparing(ActivityInterval::startAt)
          .thenComparingLong(ActivityInterval::campaignId)
          .thenComparingLong(ActivityInterval::agentId)
          .thenComparing(i -> i.start().eventId());

  private AgentActivityReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from every stored fact. */
  public static List<AgentActivityRow> figures(ReportFacts facts, ReportCriteria criteria) {
    PresenceTimeline presence = PresenceTimeline.of(facts, WorkShifts.of(facts));
    return presence.intervals().stream()
        .filter(i -> overlaps(i, criteria))
        .filter(i -> criteria.campaignSelected(i.campaignId()))
        .filter(i -> criteria.agentSelected(i.agentId()))
        .filter(i -> criteria.scope().sees(facts.directory().campaignAccount(i.campaignId())))
        .sorted(ORDER)
        .map(i -> row(i, facts.directory().campaignAccount(i.campaignId())))
        .toList();
  }

  private static boolean overlaps(ActivityInterval interval, ReportCriteria criteria) {
    return interval.startAt().isBefore(criteria.to())
        && interval.end().map(end -> end.isAfter(criteria.from())).orElse(true);
  }

  /** The row of an interval, owned by its campaign's account. */
  public static AgentActivityRow row(ActivityInterval interval, OptionalLong account) {
    return new AgentActivityRow(
        interval.campaignId(),
        interval.agentId(),
        interval.startAt(),
        interval.end(),
        interval.state(),
        account,
        interval.activityId());
  }
}
