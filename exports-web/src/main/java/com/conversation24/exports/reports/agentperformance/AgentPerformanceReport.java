package com.conversation24.exports.reports.agentperformance;

import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.timelines.PresenceChange;
import com.conversation24.exports.reports.timelines.PresenceTimeline;
import com.conversation24.exports.reports.timelines.Receipt;
import com.conversation24.exports.reports.timelines.Receipts;
import com.conversation24.exports.reports.timelines.ShiftMeasures;
import com.conversation24.exports.reports.timelines.WorkShift;
import com.conversation24.exports.reports.timelines.WorkShifts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Agent performance (REPORTS.md): one row per (campaign, agent, closed work shift) whose start is
 * in the range, for each campaign where the agent was online for a positive time within the shift
 * or received a chat in it. The whole shift W = [ws, we) is measured, also past the range; receipts
 * taken before ws count while they hold a chat in W.
 */
public final class AgentPerformanceReport {

  public static final List<Column<AgentPerformanceRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id",
              "The campaign the row's figures are about: one in which the agent was online or"
                  + " received a chat during the shift.",
              AgentPerformanceRow::campaignId),
          Column.id(
              "agent_id", "The agent whose closed work shift the row is about.",
              AgentPerformanceRow::agentId),
          Column.textId(
              "workshift_id", "The work shift, as sent in agent.logged_in.",
              AgentPerformanceRow::workshiftId),
          Column.optionalId(
              "account_id", "The account that owns the campaign.",
              AgentPerformanceRow::accountId),
          Column.optionalText(
              "chatcampaign_name", "The campaign's latest name.",
              AgentPerformanceRow::campaignName),
          Column.time(
              "workshift_start",
              "When the shift began (agent.logged_in), in tz; the row is in the range when this"
                  + " instant is, and the whole shift is reported.",
              AgentPerformanceRow::start),
          Column.time(
              "workshift_end",
              "When the shift ended (agent.logged_out, or a later agent.logged_in that ended it),"
                  + " in tz. Open shifts have no row.",
              AgentPerformanceRow::end),
          Column.count(
              "num_chats",
              "Count of chats the agent received in the campaign during the shift: every"
                  + " assignment, transfer and forward counts.",
              AgentPerformanceRow::numChats),
          Column.count(
              "num_breaks",
              "Count of the agent's changes from online to offline in the campaign strictly"
                  + " inside the shift; the offline at logout is no break.",
              AgentPerformanceRow::numBreaks),
          Column.count(
              "num_ignored",
              "Count of the chats of num_chats during which the visitor sent no message, from the"
                  + " assignment to the release (or the shift's end while still held).",
              AgentPerformanceRow::numIgnored),
          Column.count(
              "num_abandoned",
              "Count of the chats of num_chats during which the agent sent no message, from the"
                  + " assignment to the release (or the shift's end while still held).",
              AgentPerformanceRow::numAbandoned),
          Column.decimal(
              "avg_concurrency",
              "Average number of the campaign's chats the agent held at once while holding any:"
                  + " the time integral of chats held over the shift divided by open_duration,"
                  + " two decimals. 0.00 when open_duration is 0.",
              AgentPerformanceRow::avgConcurrency),
          Column.duration(
              "first_response_duration",
              "Seconds of the shift during which the agent held a chat of the campaign not yet"
                  + " answered (from receiving it to the agent's first message in it, or its"
                  + " release); overlapping waits count once.",
              AgentPerformanceRow::firstResponseMillis),
          Column.duration(
              "open_duration",
              "Seconds of the shift during which the agent held at least one chat of the"
                  + " campaign.",
              AgentPerformanceRow::openMillis),
          Column.duration(
              "closed_duration",
              "Seconds of the shift without any chat of the campaign: session_duration -"
                  + " open_duration.",
              AgentPerformanceRow::closedMillis),
          Column.duration(
              "online_duration",
              "Seconds of the shift during which the agent was online in the campaign.",
              AgentPerformanceRow::onlineMillis),
          Column.duration(
              "offline_duration",
              "Seconds of the shift during which the agent was offline in the campaign:"
                  + " session_duration - online_duration.",
              AgentPerformanceRow::offlineMillis),
          Column.duration(
              "available_duration",
              "Seconds of the shift during which the agent was online in the campaign and held"
                  + " fewer chats, over all campaigns, than the agent's max_chats.",
              AgentPerformanceRow::availableMillis),
          Column.duration(
              "idle_duration",
              "Seconds of the shift during which the agent was online in the campaign and held"
                  + " none of its chats.",
              AgentPerformanceRow::idleMillis),
          Column.duration(
              "session_duration",
              "The shift's length, workshift_end - workshift_start, in seconds.",
              AgentPerformanceRow::sessionMillis),
          Column.count(
              "survey_num_good",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is good.",
              AgentPerformanceRow::surveyGood),
          Column.count(
              "survey_num_bad",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is bad.",
              AgentPerformanceRow::surveyBad),
          Column.count(
              "survey_num_moderate",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is moderate.",
              AgentPerformanceRow::surveyModerate));

  private static final ReportDefinition.Figures<AgentPerformanceRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<AgentPerformanceRow> DEFINITION =
      new ReportDefinition<>(
          "agent-performance",
          "Agent performance",
          "This report classifies the behavior of agents depending on three categories: breaks"
              + " (pauses made by an operator during his work shift), ignored (chats engaged by"
              + " agents, ignored by the interlocutor) and abandoned (chats engaged by a visitor,"
              + " ignored by the operator). Per campaign it also gives the chat duration, the time"
              + " of first response and the durations of the online and offline status.",
          COLUMNS,
          true,
          true,
          true,
          FIGURES);

  private static final BigDecimal NO_CONCURRENCY = new BigDecimal("0.00");

  private AgentPerformanceReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from every stored fact. */
  public static List<AgentPerformanceRow> figures(ReportFacts facts, ReportCriteria criteria) {
    WorkShifts shifts = WorkShifts.of(facts);
    PresenceTimeline presence = PresenceTimeline.of(facts, shifts);
    Receipts receipts = Receipts.of(facts);
    Directory directory = facts.directory();
    List<AgentPerformanceRow> rows = new ArrayList<>();
    for (WorkShift shift : shifts.all()) {
      if (shift.closed()
          && criteria.inRange(shift.start())
          && criteria.agentSelected(shift.agentId())) {
        long agentId = shift.agentId();
        ClosedShift closed =
            new ClosedShift(
                agentId,
                shift.workshiftId(),
                shift.login().eventId(),
                shift.start(),
                shift.end().orElseThrow());
        List<HeldReceipt> held =
            receipts.ofAgent(agentId).stream()
                .map(
                    r ->
                        new HeldReceipt(
                            r, receipts.isLastOfItsConversation(r), receipts.survey(r.sessionId())))
                .toList();
        int maxChats =
            directory.agent(agentId).map(Directory.Agent::maxChats).orElse(Directory.DEFAULT_MAX_CHATS);
        for (AgentPerformanceRow row :
            rowsOf(
                closed,
                presence.campaignsOf(agentId),
                campaign -> presence.changes(agentId, campaign),
                held,
                maxChats)) {
          if (criteria.campaignSelected(row.campaignId())
              && criteria.scope().sees(directory.campaignAccount(row.campaignId()))) {
            rows.add(
                row.withCampaign(
                    directory.campaignAccount(row.campaignId()),
                    directory.campaign(row.campaignId()).map(Directory.Campaign::name)));
          }
        }
      }
    }
    return rows.stream().sorted(AgentPerformanceRow.ORDER).toList();
  }

  /**
   * The rows of one closed shift, one per campaign in which the agent was online for a positive
   * time within it or received a chat in it, by campaign; owner and name are left empty for the
   * caller to fill in. The figures depend only on what is given: the agent's presence changes in
   * each campaign (those from the last one at or before the shift's start on suffice), its
   * receipts in every campaign (those holding a chat at some instant of the shift suffice) and its
   * capacity.
   *
   * @param presenceCampaigns the campaigns in which the agent has presence changes
   */
  public static List<AgentPerformanceRow> rowsOf(
      ClosedShift shift,
      Set<Long> presenceCampaigns,
      LongFunction<List<PresenceChange>> presence,
      List<HeldReceipt> receipts,
      int maxChats) {
    TreeSet<Long> campaigns = new TreeSet<>(presenceCampaigns);
    for (HeldReceipt r : receipts) {
      if (receivedIn(r.receipt(), shift)) {
        campaigns.add(r.receipt().campaignId());
      }
    }
    List<Receipt> all = receipts.stream().map(HeldReceipt::receipt).toList();
    List<AgentPerformanceRow> rows = new ArrayList<>();
    for (long campaignId : campaigns) {
      figures(shift, campaignId, presence.apply(campaignId), receipts, all, maxChats)
          .ifPresent(rows::add);
    }
    return rows;
  }

  private static boolean receivedIn(Receipt receipt, ClosedShift shift) {
    Instant t = receipt.receivedAt();
    return !t.isBefore(shift.start()) && t.isBefore(shift.end());
  }

  private static Optional<AgentPerformanceRow> figures(
      ClosedShift shift,
      long campaignId,
      List<PresenceChange> changes,
      List<HeldReceipt> receipts,
      List<Receipt> agentReceipts,
      int maxChats) {
    Instant start = shift.start();
    Instant end = shift.end();
    long ws = start.toEpochMilli();
    long we = end.toEpochMilli();
    ShiftMeasures m = ShiftMeasures.of(ws, we, changes, agentReceipts, campaignId, maxChats);
    List<HeldReceipt> received =
        receipts.stream()
            .filter(r -> r.receipt().campaignId() == campaignId && receivedIn(r.receipt(), shift))
            .toList();
    if (m.online() <= 0 && received.isEmpty()) {
      return Optional.empty();
    }

    // Effective changes alternate from offline, so every offline change ends an online time;
    // the sign-off that ends the shift falls on we and is no break.
    long breaks =
        changes.stream()
            .filter(c -> !c.online() && c.at().isAfter(start) && c.at().isBefore(end))
            .count();
    long ignored =
        received.stream()
            .filter(r -> !wroteDuring(r.receipt().firstVisitorMessage(), r.receipt(), end))
            .count();
    long abandoned =
        received.stream()
            .filter(r -> !wroteDuring(r.receipt().firstAgentMessage(), r.receipt(), end))
            .count();
    long good = 0;
    long bad = 0;
    long moderate = 0;
    for (HeldReceipt r : received) {
      if (r.lastOfConversation() && r.survey().isPresent()) {
        switch (r.survey().get()) {
          case GOOD -> good++;
          case BAD -> bad++;
          case MODERATE -> moderate++;
        }
      }
    }
    BigDecimal concurrency =
        m.open() == 0 ? NO_CONCURRENCY : Cells.average(BigDecimal.valueOf(m.chatTime()), m.open());
    return Optional.of(
        new AgentPerformanceRow(
            campaignId,
            shift.agentId(),
            shift.workshiftId(),
            shift.loginEventId(),
            OptionalLong.empty(),
            Optional.empty(),
            start,
            end,
            received.size(),
            breaks,
            ignored,
            abandoned,
            concurrency,
            m.firstResponse(),
            m.open(),
            m.online(),
            m.available(),
            m.idle(),
            good,
            bad,
            moderate));
  }

  /**
   * Whether a message came during the receipt: the first one after the assignment and before the
   * release was kept; while the receipt is open, only up to the end of the shift counts.
   */
  private static boolean wroteDuring(Optional<Instant> firstMessage, Receipt receipt, Instant we) {
    return firstMessage.map(t -> !receipt.open() || t.isBefore(we)).orElse(false);
  }
}
