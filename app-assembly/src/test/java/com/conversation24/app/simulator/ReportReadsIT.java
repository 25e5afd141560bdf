package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.campaigns.ingest.application.EventBatchReader;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each report reads only what its rows depend on (the Conversations rows, the receipts, the
 * quarter-hour traffic counts, the agents' facts: decision 17), and still gives exactly the rows
 * the plain-Java figures compute from every fact. A simulated week is sent shuffled, most of it
 * first and the rest late, and every report is exported in four zones (a DST change, a half-hour
 * and a quarter-hour offset) after each part and compared with the figures over the same events.
 */
@PlatformTest
@RunAsClient
class ReportReadsIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String BASE_URL = "http://localhost:8080";
  /** A week of the simulator's operation with the European DST change (29 March) inside. */
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 25);

  private static final SimulationPlan WEEK = SimulationPlan.days(7, FIRST_DAY, 7);

  private static final List<String> ZONES =
      List.of("UTC", "Europe/Amsterdam", "Asia/Kolkata", "Asia/Kathmandu");

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @AfterEach
  void forget() throws Exception {
    TestDatabase.forgetEvents();
  }

  @Test
  void everyReportGivesTheRowsOfTheFiguresOverEveryFactAlsoAfterLateEvents() throws Exception {
    TestDatabase.forgetEvents();
    List<String> lines = new ArrayList<>(SimulatedMonth.generate(WEEK));
    Collections.shuffle(lines, new Random(17));
    int onTime = lines.size() * 9 / 10;
    Instant serverClock = Instant.now();
    ApiClient client = new ApiClient(base);

    List<String> first = lines.subList(0, onTime);
    post(client, first);
    assertEveryReport(client, ReportFacts.of(Ingested.of(first, serverClock).events()), "on time");

    // The last tenth arrives late: messages, receipts, presence and traffic of days already read.
    post(client, lines.subList(onTime, lines.size()));
    assertEveryReport(client, ReportFacts.of(Ingested.of(lines, serverClock).events()), "late");
  }

  /**
   * What the simulator never does: campaigns and entry points move between accounts and
   * campaigns, an agent changes account and capacity, entities and starts arrive after the events
   * that name them, and a late login splits a work shift. Every report, for all and for each
   * account, must follow the events after each part, keyed rows restated where their owner moved.
   */
  @Test
  void rowsFollowTheDirectoryWhenItMovesAndLateEventsChangeWhatTheyTouch() throws Exception {
    TestDatabase.forgetEvents();
    ApiClient client = new ApiClient(base);
    Instant serverClock = Instant.now();
    List<String> first =
        List.of(
            event("m-a1", "account.updated", "08:00", "\"account_id\":1,\"name\":\"Acme\""),
            event("m-a2", "account.updated", "08:00", "\"account_id\":2,\"name\":\"Beta\""),
            event("m-c11", "campaign.updated", "08:00", "\"chatcampaign_id\":11,\"account_id\":1,\"name\":\"Shop\""),
            event("m-c12", "campaign.updated", "08:00", "\"chatcampaign_id\":12,\"account_id\":1,\"name\":\"Help\""),
            event("m-e101", "entrypoint.updated", "08:00", "\"entrypoint_id\":101,\"chatcampaign_id\":11,\"name\":\"Chat now\",\"type\":\"button\""),
            event("m-e102", "entrypoint.updated", "08:00", "\"entrypoint_id\":102,\"chatcampaign_id\":12,\"name\":\"Hello\",\"type\":\"invite\""),
            event("m-e103", "entrypoint.updated", "08:00", "\"entrypoint_id\":103,\"chatcampaign_id\":13,\"name\":\"Late\",\"type\":\"button\""),
            event("m-g7", "agent.updated", "08:00", "\"agent_id\":7,\"account_id\":1,\"username\":\"ann@acme\",\"max_chats\":2"),
            event("m-g8", "agent.updated", "08:00", "\"agent_id\":8,\"account_id\":2,\"username\":\"bob\""),
            event("m-h1", "host.updated", "08:00", "\"host_id\":1,\"account_id\":1,\"hostname\":\"www.shop.test\""),
            event("m-h2", "host.updated", "08:00", "\"host_id\":2,\"account_id\":2,\"hostname\":\"Shop.test\""),
            event("m-in7", "agent.logged_in", "09:00", "\"agent_id\":7,\"workshift_id\":\"w1\""),
            event("m-on7a", "agent.state_changed", "09:01", "\"agent_id\":7,\"chatcampaign_id\":11,\"state\":\"online\""),
            event("m-on7b", "agent.state_changed", "09:02", "\"agent_id\":7,\"chatcampaign_id\":12,\"state\":\"online\""),
            event("m-in8", "agent.logged_in", "09:00", "\"agent_id\":8,\"workshift_id\":\"x1\""),
            event("m-on8", "agent.state_changed", "09:03", "\"agent_id\":8,\"chatcampaign_id\":12,\"state\":\"online\""),
            event("m-on9", "agent.state_changed", "09:04", "\"agent_id\":9,\"chatcampaign_id\":13,\"state\":\"online\""),
            event("m-in9", "agent.logged_in", "09:00", "\"agent_id\":9,\"workshift_id\":\"y1\""),
            event("m-s1", "conversation.started", "09:10", "\"session_id\":\"s1\",\"chatcampaign_id\":11,\"visitor_id\":\"v1\",\"entrypoint_id\":101"),
            event("m-s1a", "conversation.assigned", "09:11", "\"session_id\":\"s1\",\"agent_id\":7"),
            event("m-s1m1", "conversation.message", "09:12", "\"session_id\":\"s1\",\"author\":\"visitor\",\"text\":\"Hi\""),
            event("m-s1c", "conversation.closed", "09:40", "\"session_id\":\"s1\""),
            event("m-s2", "conversation.started", "09:20", "\"session_id\":\"s2\",\"chatcampaign_id\":12,\"visitor_id\":\"v2\",\"entrypoint_id\":102"),
            event("m-s2a", "conversation.assigned", "09:21", "\"session_id\":\"s2\",\"agent_id\":8"),
            event("m-s2m1", "conversation.message", "09:22", "\"session_id\":\"s2\",\"author\":\"agent\",\"agent_id\":8,\"text\":\"Hello\""),
            event("m-s2b", "conversation.assigned", "09:25", "\"session_id\":\"s2\",\"agent_id\":7"),
            event("m-s2s", "conversation.survey_submitted", "09:50", "\"session_id\":\"s2\",\"result\":\"good\""),
            event("m-s3m", "conversation.message", "09:31", "\"session_id\":\"s3\",\"author\":\"visitor\",\"text\":\"Early\""),
            event("m-s3a", "conversation.assigned", "09:32", "\"session_id\":\"s3\",\"agent_id\":9"),
            event("m-s4", "conversation.started", "09:35", "\"session_id\":\"s4\",\"chatcampaign_id\":13,\"visitor_id\":\"v4\",\"entrypoint_id\":103"),
            event("m-s4a", "conversation.assigned", "09:36", "\"session_id\":\"s4\",\"agent_id\":9"),
            event("m-p1", "page.viewed", "09:05", "\"chatcampaign_id\":11,\"visitor_id\":\"v1\",\"entrypoint_ids\":[101,102,103]"),
            event("m-v1", "entrypoint.viewed", "09:06", "\"entrypoint_id\":101,\"visitor_id\":\"v1\""),
            event("m-k1", "entrypoint.clicked", "09:07", "\"entrypoint_id\":101,\"visitor_id\":\"v1\""),
            event("m-o1", "invite.outcome", "09:08", "\"entrypoint_id\":102,\"visitor_id\":\"v2\",\"outcome\":\"shown\""),
            event("m-o2", "invite.outcome", "09:09", "\"entrypoint_id\":102,\"visitor_id\":\"v2\",\"outcome\":\"accepted\""),
            event("m-out7", "agent.logged_out", "12:00", "\"agent_id\":7,\"workshift_id\":\"w1\""),
            event("m-out8", "agent.logged_out", "12:00", "\"agent_id\":8,\"workshift_id\":\"x1\""),
            event("m-out9", "agent.logged_out", "12:00", "\"agent_id\":9,\"workshift_id\":\"y1\""));
    List<String> second =
        List.of(
            event("m-c12b", "campaign.updated", "10:00", "\"chatcampaign_id\":12,\"account_id\":2,\"name\":\"Help desk\""),
            event("m-e101b", "entrypoint.updated", "10:00", "\"entrypoint_id\":101,\"chatcampaign_id\":12,\"name\":\"Chat\",\"type\":\"button\""),
            event("m-g8b", "agent.updated", "10:00", "\"agent_id\":8,\"account_id\":1,\"username\":\"bob@acme\""),
            event("m-g7b", "agent.updated", "10:00", "\"agent_id\":7,\"account_id\":1,\"username\":\"ann@acme\",\"max_chats\":1"),
            event("m-g9", "agent.updated", "10:00", "\"agent_id\":9,\"account_id\":2,\"username\":\"cy\""),
            event("m-c13", "campaign.updated", "10:00", "\"chatcampaign_id\":13,\"account_id\":2,\"name\":\"Late\""),
            event("m-in7b", "agent.logged_in", "10:30", "\"agent_id\":7,\"workshift_id\":\"w2\""),
            event("m-off7", "agent.state_changed", "09:45", "\"agent_id\":7,\"chatcampaign_id\":11,\"state\":\"offline\""),
            event("m-on7c", "agent.state_changed", "10:31", "\"agent_id\":7,\"chatcampaign_id\":11,\"state\":\"online\""),
            event("m-s1m2", "conversation.message", "09:15", "\"session_id\":\"s1\",\"author\":\"agent\",\"agent_id\":7,\"text\":\"Hello!\""),
            event("m-s3", "conversation.started", "09:30", "\"session_id\":\"s3\",\"chatcampaign_id\":11,\"visitor_id\":\"v3\",\"entrypoint_id\":101"),
            event("m-s2e", "conversation.started", "09:19", "\"session_id\":\"s2\",\"chatcampaign_id\":12,\"visitor_id\":\"v2\",\"entrypoint_id\":101"),
            event("m-s2c", "conversation.closed", "09:55", "\"session_id\":\"s2\""),
            event("m-h3", "host.updated", "10:00", "\"host_id\":3,\"account_id\":1,\"hostname\":\"help.test\""));
    post(client, first);
    assertEveryScope(client, ReportFacts.of(Ingested.of(first, serverClock).events()), "first part");
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    post(client, second);
    assertEveryScope(client, ReportFacts.of(Ingested.of(all, serverClock).events()), "moved and late");
  }

  private static final LocalDate MOVES_DAY = LocalDate.of(2026, 3, 10);

  private static String event(String id, String type, String hhmm, String data) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + MOVES_DAY + "T" + hhmm
        + ":00Z\",\"data\":{" + data + "}}";
  }

  /** Every report in UTC and Amsterdam, unrestricted and for accounts 1 and 2 (operator's account_id). */
  private static void assertEveryScope(ApiClient client, ReportFacts facts, String when) {
    for (String zoneName : List.of("UTC", "Europe/Amsterdam")) {
      ZoneId zone = ZoneId.of(zoneName);
      Instant from = MOVES_DAY.atStartOfDay(zone).toInstant();
      Instant to = MOVES_DAY.plusDays(1).atStartOfDay(zone).toInstant();
      for (Optional<Long> account : List.of(Optional.<Long>empty(), Optional.of(1L), Optional.of(2L))) {
        AccountScope scope = account.map(a -> AccountScope.only(Set.of(a))).orElse(AccountScope.ALL);
        for (Report report : Report.values()) {
          ReportCriteria criteria =
              report.takesRange()
                  ? new ReportCriteria(from, to, zone, Set.of(), Set.of(), scope)
                  : new ReportCriteria(Instant.MIN, Instant.MAX, zone, Set.of(), Set.of(), scope);
          List<List<String>> expected = report.rows(facts, criteria, BASE_URL);
          String query =
              "/api/exports/" + report.urlName() + "?from=" + MOVES_DAY + "&to=" + MOVES_DAY.plusDays(1)
                  + "&tz=" + URLEncoder.encode(zoneName, StandardCharsets.UTF_8)
                  + account.map(a -> "&account_id=" + a).orElse("");
          assertThat(exported(client, report, query))
              .as("%s in %s for %s (%s)", report.urlName(), zoneName, account.map(a -> "account " + a).orElse("all"), when)
              .isEqualTo(expected);
        }
      }
    }
  }

  private static void post(ApiClient client, List<String> lines) {
    for (int from = 0; from < lines.size(); from += EventBatchReader.MAX_EVENTS) {
      List<String> batch = lines.subList(from, Math.min(lines.size(), from + EventBatchReader.MAX_EVENTS));
      JsonObject answer =
          ApiClient.json(
              client.post("/api/events", OPERATOR, "application/x-ndjson", String.join("\n", batch) + "\n"));
      assertThat(answer.getInt("accepted") + answer.getInt("duplicates") + answer.getJsonArray("rejected").size())
          .as(answer.toString())
          .isEqualTo(batch.size());
    }
  }

  private static void assertEveryReport(ApiClient client, ReportFacts facts, String when) {
    LocalDate first = FIRST_DAY;
    LocalDate end = first.plusDays(7);
    int rows = 0;
    for (String zoneName : ZONES) {
      ZoneId zone = ZoneId.of(zoneName);
      ReportCriteria month =
          ReportCriteria.all(
              first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), zone);
      for (Report report : Report.values()) {
        List<List<String>> expected = report.rows(facts, month, BASE_URL);
        String query =
            "/api/exports/" + report.urlName() + "?from=" + first + "&to=" + end
                + "&tz=" + URLEncoder.encode(zoneName, StandardCharsets.UTF_8);
        assertThat(exported(client, report, query))
            .as("%s in %s (%s)", report.urlName(), zoneName, when)
            .isEqualTo(expected);
        rows += expected.size();
      }
    }
    assertThat(rows).as("the week has rows to compare").isGreaterThan(1_000);
  }

  /** The export's rows as JSON gives them (no formula guard), cells in column order. */
  private static List<List<String>> exported(ApiClient client, Report report, String query) {
    var response = client.get(query, OPERATOR, "application/json");
    assertThat(response.statusCode()).as(query).isEqualTo(200);
    List<String> columns = report.columns().stream().map(Column::name).toList();
    return ApiClient.jsonArray(response.body()).getValuesAs(JsonObject.class).stream()
        .map(o -> columns.stream().map(o::getString).toList())
        .toList();
  }
}
