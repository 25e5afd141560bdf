package com.conversation24.exports.reports.slots;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.agentactivity.AgentActivityRow;
import com.conversation24.exports.reports.timelines.PresenceTimeline;
import com.conversation24.exports.reports.timelines.Receipt;
import com.conversation24.exports.reports.timelines.Receipts;
import com.conversation24.exports.reports.timelines.WorkShifts;
import java.util.Comparator;
import java.util.List;

/**
 * Slots (REPORTS.md): one row per receipt with t_recv in the range, with the agent's presence in
 * the receipt's campaign at t_recv (the last change at or before it, so a change at the very
 * instant of the assignment counts whatever its id).
 */
public final class SlotsReport {

  public static final List<Column<SlotsRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id", "The campaign of the receipt's conversation.", SlotsRow::campaignId),
          Column.id("agent_id", "The agent who received the chat.", SlotsRow::agentId),
          Column.time(
              "time_start",
              "When the agent received the chat (conversation.assigned), in tz; the row is in the"
                  + " range when this instant is.",
              SlotsRow::start),
          Column.optionalTime(
              "time_end",
              "When the agent released it: the chat's next assignment or its close, in tz. Empty"
                  + " while the agent still holds it.",
              SlotsRow::end),
          Column.enumerated(
              "state",
              "The agent's presence in the campaign when receiving the chat: Online or Offline.",
              r -> AgentActivityRow.printed(r.state())),
          Column.optionalEnumerated(
              "entrypoint_type",
              "The type of the conversation's entry point: button or invite.",
              r -> r.entryPointType().map(EntryPointType::wireName)),
          Column.optionalDuration(
              "duration",
              "time_end - time_start in seconds, rounded half up to a whole second. Empty while"
                  + " the agent still holds the chat.",
              SlotsRow::durationMillis));

  private static final ReportDefinition.Figures<SlotsRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<SlotsRow> DEFINITION =
      new ReportDefinition<>(
          "slots",
          "Slots",
          "By taking a look at this report, Conversation24 users are able to obtain an overview"
              + " providing information on the daily incoming chats, and on the behavior of the"
              + " active agents of the day. We recommend the usage of this analysis, among others,"
              + " to schedule the agent's working hours.",
          COLUMNS,
          true,
          true,
          true,
          FIGURES);

  private static final Comparator<Receipt> ORDER =
      Comparator.comparing(Receipt::receivedAt)
          .thenComparingLong(Receipt::campaignId)
          .thenComparingLong(Receipt::agentId)
          .thenComparing(Receipt::assignment, PlatformEvent.ORDER);

  private SlotsReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from every stored fact. */
  public static List<SlotsRow> figures(ReportFacts facts, ReportCriteria criteria) {
    PresenceTimeline presence = PresenceTimeline.of(facts, WorkShifts.of(facts));
    return Receipts.of(facts).all().stream()
        .filter(r -> criteria.inRange(r.receivedAt()))
        .filter(r -> criteria.campaignSelected(r.campaignId()))
        .filter(r -> criteria.agentSelected(r.agentId()))
        .filter(r -> criteria.scope().sees(facts.directory().campaignAccount(r.campaignId())))
        .sorted(ORDER)
        .map(r -> row(r, presence, facts))
        .toList();
  }

  private static SlotsRow row(Receipt receipt, PresenceTimeline presence, ReportFacts facts) {
    return new SlotsRow(
        receipt.campaignId(),
        receipt.agentId(),
        receipt.receivedAt(),
        receipt.releasedAt(),
        presence.stateAt(receipt.agentId(), receipt.campaignId(), receipt.receivedAt()),
        facts.directory().entryPoint(receipt.entryPointId()).map(e -> e.type()));
  }
}
