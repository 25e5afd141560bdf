package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.campaigns.api.ingest.EventBatchReader;
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
import java.util.Random;
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
