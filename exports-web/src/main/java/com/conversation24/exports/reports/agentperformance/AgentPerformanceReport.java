package com.conversation24.exports.reports.agentperformance;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Agent performance (REPORTS.md): one row per (campaign, agent, closed work shift) whose start is
 * in the range, for each campaign where the agent was online for a positive time within the shift
 * or received a chat in it. The whole shift W = [ws, we) is measured, also past the range; receipts
 * taken before ws count while they hold a chat in W.
 */
public final class AgentPerformanceReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id",
              "The campaign the row's figures are about: one in which the agent was online or"
                  + " received a chat during the shift."),
          Column.id("agent_id", "The agent whose closed work shift the row is about."),
          Column.id("workshift_id", "The work shift, as sent in agent.logged_in."),
          Column.id("account_id", "The account that owns the campaign."),
          Column.text("chatcampaign_name", "The campaign's latest name."),
          Column.time(
              "workshift_start",
              "When the shift began (agent.logged_in), in tz; the row is in the range when this"
                  + " instant is, and the whole shift is reported."),
          Column.time(
              "workshift_end",
              "When the shift ended (agent.logged_out, or a later agent.logged_in that ended it),"
                  + " in tz. Open shifts have no row."),
          Column.number(
              "num_chats",
              "Count of chats the agent received in the campaign during the shift: every"
                  + " assignment, transfer and forward counts."),
          Column.number(
              "num_breaks",
              "Count of the agent's changes from online to offline in the campaign strictly"
                  + " inside the shift; the offline at logout is no break."),
          Column.number(
              "num_ignored",
              "Count of the chats of num_chats during which the visitor sent no message, from the"
                  + " assignment to the release (or the shift's end while still held)."),
          Column.number(
              "num_abandoned",
              "Count of the chats of num_chats during which the agent sent no message, from the"
                  + " assignment to the release (or the shift's end while still held)."),
          Column.number(
              "avg_concurrency",
              "Average number of the campaign's chats the agent held at once while holding any:"
                  + " the time integral of chats held over the shift divided by open_duration,"
                  + " two decimals. 0.00 when open_duration is 0."),
          Column.number(
              "first_response_duration",
              "Seconds of the shift during which the agent held a chat of the campaign not yet"
                  + " answered (from receiving it to the agent's first message in it, or its"
                  + " release); overlapping waits count once."),
          Column.number(
              "open_duration",
              "Seconds of the shift during which the agent held at least one chat of the"
                  + " campaign."),
          Column.number(
              "closed_duration",
              "Seconds of the shift without any chat of the campaign: session_duration -"
                  + " open_duration."),
          Column.number(
              "online_duration",
              "Seconds of the shift during which the agent was online in the campaign."),
          Column.number(
              "offline_duration",
              "Seconds of the shift during which the agent was offline in the campaign:"
                  + " session_duration - online_duration."),
          Column.number(
              "available_duration",
              "Seconds of the shift during which the agent was online in the campaign and held"
                  + " fewer chats, over all campaigns, than the agent's max_chats."),
          Column.number(
              "idle_duration",
              "Seconds of the shift during which the agent was online in the campaign and held"
                  + " none of its chats."),
          Column.number(
              "session_duration",
              "The shift's length, workshift_end - workshift_start, in seconds."),
          Column.number(
              "survey_num_good",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is good."),
          Column.number(
              "survey_num_bad",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is bad."),
          Column.number(
              "survey_num_moderate",
              "Count of the campaign's conversations whose last receipt went to the agent during"
                  + " the shift and whose latest survey result is moderate."));

  /** A row with what it is sorted by. */
  private record Row(WorkShift shift, long campaignId, List<String> cells) {}

  private static final Comparator<Row> ORDER =
      Comparator.comparing((Row r) -> r.shift().start())
          .thenComparingLong(Row::campaignId)
          .thenComparingLong(r -> r.shift().agentId())
          .thenComparing(r -> r.shift().workshiftId())
          .thenComparing(r -> r.shift().login(), PlatformEvent.ORDER);

  private AgentPerformanceReport() {}

  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    WorkShifts shifts = WorkShifts.of(facts);
    PresenceTimeline presence = PresenceTimeline.of(facts, shifts);
    Receipts receipts = Receipts.of(facts);
    List<Row> rows = new ArrayList<>();
    for (WorkShift shift : shifts.all()) {
      if (shift.closed()
          && criteria.inRange(shift.start())
          && criteria.agentSelected(shift.agentId())) {
        for (long campaignId : campaignsOf(shift, presence, receipts)) {
          if (criteria.campaignSelected(campaignId)
              && criteria.scope().sees(facts.directory().campaignAccount(campaignId))) {
            figures(shift, campaignId, facts, presence, receipts, criteria)
                .ifPresent(cells -> rows.add(new Row(shift, campaignId, cells)));
          }
        }
      }
    }
    return rows.stream().sorted(ORDER).map(Row::cells).toList();
  }

  /** The campaigns that may have a row: those with a presence or a chat received in the shift. */
  private static TreeSet<Long> campaignsOf(
      WorkShift shift, PresenceTimeline presence, Receipts receipts) {
    TreeSet<Long> campaigns = new TreeSet<>(presence.campaignsOf(shift.agentId()));
    for (Receipt r : receipts.ofAgent(shift.agentId())) {
      if (receivedIn(r, shift)) {
        campaigns.add(r.campaignId());
      }
    }
    return campaigns;
  }

  private static boolean receivedIn(Receipt receipt, WorkShift shift) {
    Instant t = receipt.receivedAt();
    return !t.isBefore(shift.start()) && t.isBefore(shift.end().orElseThrow());
  }

  private static Optional<List<String>> figures(
      WorkShift shift,
      long campaignId,
      ReportFacts facts,
      PresenceTimeline presence,
      Receipts receipts,
      ReportCriteria criteria) {
    long agentId = shift.agentId();
    Instant start = shift.start();
    Instant end = shift.end().orElseThrow();
    long ws = start.toEpochMilli();
    long we = end.toEpochMilli();
    List<PresenceChange> changes = presence.changes(agentId, campaignId);
    int maxChats =
        facts
            .directory()
            .agent(agentId)
            .map(Directory.Agent::maxChats)
            .orElse(Directory.DEFAULT_MAX_CHATS);
    ShiftMeasures m =
        ShiftMeasures.of(ws, we, changes, receipts.ofAgent(agentId), campaignId, maxChats);
    List<Receipt> received =
        receipts.ofAgent(agentId).stream()
            .filter(r -> r.campaignId() == campaignId && receivedIn(r, shift))
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
        received.stream().filter(r -> !wroteDuring(r.firstVisitorMessage(), r, end)).count();
    long abandoned =
        received.stream().filter(r -> !wroteDuring(r.firstAgentMessage(), r, end)).count();
    long good = 0;
    long bad = 0;
    long moderate = 0;
    for (Receipt r : received) {
      if (receipts.isLastOfItsConversation(r)) {
        Optional<SurveyResult> survey = receipts.survey(r.sessionId());
        if (survey.isPresent()) {
          switch (survey.get()) {
            case GOOD -> good++;
            case BAD -> bad++;
            case MODERATE -> moderate++;
          }
        }
      }
    }
    long session = we - ws;
    String concurrency =
        m.open() == 0 ? "0.00" : Cells.average(BigDecimal.valueOf(m.chatTime()), m.open());
    var directory = facts.directory();
    return Optional.of(
        List.of(
            Long.toString(campaignId),
            Long.toString(agentId),
            shift.workshiftId(),
            Cells.of(directory.campaignAccount(campaignId)),
            directory.campaign(campaignId).map(Directory.Campaign::name).orElse(Cells.EMPTY),
            Cells.time(start, criteria.zone()),
            Cells.time(end, criteria.zone()),
            Long.toString(received.size()),
            Long.toString(breaks),
            Long.toString(ignored),
            Long.toString(abandoned),
            concurrency,
            Cells.seconds(m.firstResponse()),
            Cells.seconds(m.open()),
            Cells.seconds(session - m.open()),
            Cells.seconds(m.online()),
            Cells.seconds(session - m.online()),
            Cells.seconds(m.available()),
            Cells.seconds(m.idle()),
            Cells.seconds(session),
            Long.toString(good),
            Long.toString(bad),
            Long.toString(moderate)));
  }

  /**
   * Whether a message came during the receipt: the first one after the assignment and before the
   * release was kept; while the receipt is open, only up to the end of the shift counts.
   */
  private static boolean wroteDuring(Optional<Instant> firstMessage, Receipt receipt, Instant we) {
    return firstMessage.map(t -> !receipt.open() || t.isBefore(we)).orElse(false);
  }
}
