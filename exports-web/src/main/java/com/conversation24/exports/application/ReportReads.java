package com.conversation24.exports.application;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.exports.infrastructure.ConversationRowStore;
import com.conversation24.exports.infrastructure.ReceiptStore;
import com.conversation24.exports.infrastructure.TrafficQuarterStore;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.timelines.QuarterHours;
import com.conversation24.exports.reports.timelines.WorkShift;
import com.conversation24.exports.reports.timelines.WorkShifts;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.exports.reports.traffic.TrafficReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that turns a report and its criteria into reads: each report reads what its rows
 * can depend on and nothing more (decision 17), then the plain-Java figures compute the rows.
 *
 * <ul>
 *   <li>Conversations streams from its projection.
 *   <li>Traffic and Automatic invites add up the counts kept per quarter hour.
 *   <li>Slots and Agent performance read the agents' facts and only the conversations whose
 *       receipts fall in the range or hold a chat during its work shifts.
 *   <li>Agent activity reads the agents' facts; Agents and Hosts the directory's.
 * </ul>
 */
@ApplicationScoped
public class ReportReads {

  /** Past its start, the longest a clock hour lasts (90 minutes where a zone shifts by 30). */
  private static final Duration LONGEST_HOUR = Duration.ofHours(2);

  @Inject StoredFacts facts;

  @Inject ConversationRowStore conversations;

  @Inject ReceiptStore receipts;

  @Inject TrafficQuarterStore traffic;

  /** Runs the read-ahead of streamed Conversations (the container's managed executor). */
  @Inject Executor executor;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  /** Hands every row of the report to {@code each}, in the report's order. */
  public void forEachRow(Report report, ReportCriteria criteria, Consumer<List<String>> each) {
    if (report == Report.CONVERSATIONS) {
      forEachConversation(criteria, each);
    } else {
      rows(report, criteria).forEach(each);
    }
  }

  /** The rows of a report computed in memory: every report but Conversations, which streams. */
  List<List<String>> rows(Report report, ReportCriteria criteria) {
    String base = withoutTrailingSlash(publicBaseUrl);
    return switch (report) {
      case AGENTS, HOSTS -> report.rows(facts.directoryFacts(), criteria, base);
      case AGENT_ACTIVITY -> report.rows(ReportFacts.of(facts.campaignsAndAgents()), criteria, base);
      case SLOTS ->
          report.rows(
              withSessions(
                  facts.campaignsAndAgents(),
                  receipts.sessionsReceivedIn(criteria.from(), criteria.to())),
              criteria,
              base);
      case AGENT_PERFORMANCE -> report.rows(agentPerformanceFacts(criteria), criteria, base);
      case TRAFFIC, AUTOMATIC_INVITES -> trafficRows(report, criteria);
      case CONVERSATIONS -> {
        List<List<String>> rows = new ArrayList<>();
        forEachConversation(criteria, rows::add);
        yield rows;
      }
    };
  }

  /**
   * The facts of the closed work shifts that start in the range: the agents' facts and the
   * conversations with a receipt holding a chat at some instant between the first shift's start
   * and the last shift's end (a whole shift is reported, also past {@code to}).
   */
  private ReportFacts agentPerformanceFacts(ReportCriteria criteria) {
    List<PlatformEvent> ground = facts.campaignsAndAgents();
    ReportFacts agents = ReportFacts.of(ground);
    List<WorkShift> shifts =
        WorkShifts.of(agents).all().stream()
            .filter(WorkShift::closed)
            .filter(s -> criteria.inRange(s.start()) && criteria.agentSelected(s.agentId()))
            .toList();
    if (shifts.isEmpty()) {
      return agents;
    }
    Instant first = shifts.stream().map(WorkShift::start).min(Instant::compareTo).orElseThrow();
    Instant last = shifts.stream().map(s -> s.end().orElseThrow()).max(Instant::compareTo).orElseThrow();
    return withSessions(ground, receipts.sessionsHoldingDuring(first, last));
  }

  private ReportFacts withSessions(List<PlatformEvent> ground, Set<String> sessionIds) {
    List<PlatformEvent> events = new ArrayList<>(ground);
    events.addAll(facts.sessions(sessionIds));
    return ReportFacts.of(events);
  }

  /**
   * Traffic and Automatic invites from the quarter-hour counts, where the zone's clock hours are
   * whole quarters; from the events themselves where they are not (old local mean times).
   */
  private List<List<String>> trafficRows(Report report, ReportCriteria criteria) {
    Instant from = criteria.from().minus(LONGEST_HOUR);
    Instant to = criteria.to().plus(LONGEST_HOUR);
    if (!QuarterHours.wholeIn(criteria.zone(), from, to)) {
      return report.rows(facts.all(), criteria, withoutTrailingSlash(publicBaseUrl));
    }
    Directory directory = facts.directory();
    Collection<EntryPointTally> tallies = traffic.tallies(from, to);
    return report == Report.TRAFFIC
        ? TrafficReport.rows(directory, tallies, criteria)
        : AutomaticInvitesReport.rows(directory, tallies, criteria);
  }

  /** The Conversations rows of the criteria, read from the projection in the report's order. */
  private void forEachConversation(ReportCriteria criteria, Consumer<List<String>> each) {
    Directory directory = facts.directory();
    ConversationsReport.Printer printer = printer(directory, criteria.zone());
    ConversationRowStore.Selection selection = ConversationRowStore.Selection.of(criteria, directory);
    // The reader thread decodes and prints the cells, this one writes them: about half each.
    ReadAhead.<List<String>>stream(
        executor,
        rows ->
            conversations.forEach(
                selection,
                row -> {
                  if (ConversationsReport.selected(row, directory, criteria)) {
                    rows.accept(printer.cells(row));
                  }
                }),
        each);
  }

  /** Prints Conversations rows in the zone, with transcript links on the public base URL. */
  ConversationsReport.Printer printer(Directory directory, ZoneId zone) {
    return new ConversationsReport.Printer(directory, zone, withoutTrailingSlash(publicBaseUrl));
  }

  public static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }
}
