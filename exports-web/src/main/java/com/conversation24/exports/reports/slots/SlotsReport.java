package com.conversation24.exports.reports.slots;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.timelines.PresenceTimeline;
import com.conversation24.exports.reports.timelines.Receipt;
import com.conversation24.exports.reports.timelines.Receipts;
import com.conversation24.exports.reports.timelines.WorkShifts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Slots (REPORTS.md): one row per receipt with t_recv in the range, with the agent's presence in
 * the receipt's campaign at t_recv (the last change at or before it, so a change at the very
 * instant of the assignment counts whatever its id).
 */
public final class SlotsReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("chatcampaign_id", "The campaign of the receipt's conversation."),
          Column.id("agent_id", "The agent who received the chat."),
          Column.time(
              "time_start",
              "When the agent received the chat (conversation.assigned), in tz; the row is in the"
                  + " range when this instant is."),
          Column.time(
              "time_end",
              "When the agent released it: the chat's next assignment or its close, in tz. Empty"
                  + " while the agent still holds it."),
          Column.enumerated(
              "state",
              "The agent's presence in the campaign when receiving the chat: Online or Offline."),
          Column.enumerated(
              "entrypoint_type",
              "The type of the conversation's entry point: button or invite."),
          Column.number(
              "duration",
              "time_end - time_start in seconds, rounded half up to a whole second. Empty while"
                  + " the agent still holds the chat."));

  private static final Comparator<Receipt> ORDER =
      Comparator.comparing(Receipt::receivedAt)
          .thenComparingLong(Receipt::campaignId)
          .thenComparingLong(Receipt::agentId)
          .thenComparing(Receipt::assignment, PlatformEvent.ORDER);

  private SlotsReport() {}

  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    PresenceTimeline presence = PresenceTimeline.of(facts, WorkShifts.of(facts));
    return Receipts.of(facts).all().stream()
        .filter(r -> criteria.inRange(r.receivedAt()))
        .filter(r -> criteria.campaignSelected(r.campaignId()))
        .filter(r -> criteria.agentSelected(r.agentId()))
        .filter(r -> criteria.scope().sees(facts.directory().campaignAccount(r.campaignId())))
        .sorted(ORDER)
        .map(r -> row(r, presence, facts, criteria))
        .toList();
  }

  private static List<String> row(
      Receipt receipt, PresenceTimeline presence, ReportFacts facts, ReportCriteria criteria) {
    PresenceState state =
        presence.stateAt(receipt.agentId(), receipt.campaignId(), receipt.receivedAt());
    return List.of(
        Long.toString(receipt.campaignId()),
        Long.toString(receipt.agentId()),
        Cells.time(receipt.receivedAt(), criteria.zone()),
        receipt.releasedAt().map(t -> Cells.time(t, criteria.zone())).orElse(Cells.EMPTY),
        state == PresenceState.ONLINE ? "Online" : "Offline",
        facts
            .directory()
            .entryPoint(receipt.entryPointId())
            .map(e -> e.type().wireName())
            .orElse(Cells.EMPTY),
        receipt
            .releasedAt()
            .map(t -> Cells.seconds(millisBetween(receipt.receivedAt(), t)))
            .orElse(Cells.EMPTY));
  }

  private static long millisBetween(Instant start, Instant end) {
    return end.toEpochMilli() - start.toEpochMilli();
  }
}
