package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.csv.ReportCsvWriter;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The change feed (decision 31) over HTTP: clients follow the four row reports' feeds with small
 * random limits and lost answers while two clients ingest the simulator's days in shuffled
 * batches, and end holding exactly the rows of each report's export, byte for byte as CSV; a
 * late event restates the row it changes; a cursor works only for the feed and the caller that
 * gave it out.
 */
@PlatformTest
@RunAsClient
class ChangeFeedIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 4, 6);
  private static final SimulationPlan DAYS = SimulationPlan.days(5, FIRST_DAY, 2);
  private static final List<Report> FOLLOWED =
      List.of(Report.CONVERSATIONS, Report.SLOTS, Report.AGENT_ACTIVITY, Report.AGENT_PERFORMANCE);
  /** Every row of the simulated days, and the late ones, in one export's range. */
  private static final String ALL_TIME =
      "from=" + FIRST_DAY.minusDays(1) + "&to=" + FIRST_DAY.plusDays(30) + "&tz=UTC";

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
  void clientsFollowingDuringShuffledIngestionEndWithTheExportAndSeeRestatedRows()
      throws Exception {
    TestDatabase.forgetEvents();
    ApiClient client = new ApiClient(base);
    List<String> lines = new ArrayList<>(SimulatedMonth.generate(DAYS));
    Collections.shuffle(lines, new Random(31));
    Random random = new Random(5);
    Map<Report, Mirror> mirrors = new EnumMap<>(Report.class);
    FOLLOWED.forEach(report -> mirrors.put(report, new Mirror(report, OPERATOR, "")));
    Mirror accountOne = new Mirror(Report.CONVERSATIONS, token(client, 1), "");

    // Two clients ingest the halves' batches side by side while the mirrors follow.
    ExecutorService ingestion = Executors.newFixedThreadPool(2);
    List<Future<?>> posted = new ArrayList<>();
    int half = lines.size() / 2;
    posted.add(ingestion.submit(() -> post(client, lines.subList(0, half))));
    posted.add(ingestion.submit(() -> post(client, lines.subList(half, lines.size()))));
    int pagesDuring = 0;
    while (posted.stream().anyMatch(f -> !f.isDone())) {
      for (Mirror mirror : mirrors.values()) {
        mirror.page(client, random);
      }
      accountOne.page(client, random);
      pagesDuring++;
    }
    for (Future<?> done : posted) {
      done.get();
    }
    ingestion.shutdown();
    assertThat(pagesDuring).as("pages read while ingesting").isGreaterThan(4);

    for (Mirror mirror : mirrors.values()) {
      mirror.toTheEnd(client, random);
      assertThat(mirror.csv())
          .as("%s followed against its export", mirror.report.urlName())
          .isEqualTo(export(client, mirror.report, OPERATOR, ""));
      assertThat(mirror.rows).as(mirror.report.urlName()).hasSizeGreaterThan(20);
    }
    accountOne.toTheEnd(client, random);
    assertThat(accountOne.csv())
        .as("account 1's conversations")
        .isEqualTo(export(client, Report.CONVERSATIONS, accountOne.token, ""));
    assertThat(accountOne.rows.size()).isLessThan(mirrors.get(Report.CONVERSATIONS).rows.size());

    // A late survey for a conversation that has none restates its row, with the new value.
    Mirror conversations = mirrors.get(Report.CONVERSATIONS);
    int survey = columnIndex(Report.CONVERSATIONS, "survey_result");
    Map.Entry<List<Comparable<?>>, List<String>> unrated =
        conversations.rows.entrySet().stream()
            .filter(e -> e.getValue().get(survey).isEmpty())
            .findFirst()
            .orElseThrow();
    String session = (String) unrated.getKey().get(2);
    Instant started = Instant.ofEpochMilli((Long) unrated.getKey().get(0));
    post(
        client,
        List.of(
            "{\"id\":\"feed-late-survey\",\"type\":\"conversation.survey_submitted\",\"at\":\""
                + started.plusSeconds(3_600)
                + "\",\"data\":{\"session_id\":\""
                + session
                + "\",\"result\":\"good\"}}"));
    List<JsonObject> changes = conversations.toTheEnd(client, random);
    assertThat(changes)
        .filteredOn(c -> c.getJsonObject("key").getString("session_id").equals(session))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getString("kind")).isEqualTo("restated");
              assertThat(c.getJsonObject("row").getString("survey_result")).isEqualTo("good");
            });
    assertThat(conversations.csv()).isEqualTo(export(client, Report.CONVERSATIONS, OPERATOR, ""));
  }

  @Test
  void aCursorWorksOnlyForItsFeedAndItsCaller() throws Exception {
    TestDatabase.forgetEvents();
    ApiClient client = new ApiClient(base);
    post(client, SimulatedMonth.generate(SimulationPlan.days(6, FIRST_DAY, 1)));
    String adminOne = token(client, 1);
    String adminTwo = token(client, 2);
    JsonObject first =
        ApiClient.json(client.get("/api/feeds/conversations?limit=3", adminOne, "application/json"));
    assertThat(first.getJsonArray("changes")).hasSize(3);
    assertThat(first.getBoolean("end_of_stream")).isFalse();
    String cursor = first.getString("next_cursor");
    String encoded = URLEncoder.encode(cursor, StandardCharsets.UTF_8);

    assertThat(client.get("/api/feeds/conversations?cursor=" + encoded, adminOne).statusCode())
        .isEqualTo(200);
    assertProblem(client.get("/api/feeds/conversations?cursor=" + encoded, adminTwo), "cursor");
    assertProblem(client.get("/api/feeds/conversations?cursor=" + encoded, OPERATOR), "cursor");
    assertProblem(client.get("/api/feeds/slots?cursor=" + encoded, adminOne), "cursor");
    String forged = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
    assertProblem(client.get("/api/feeds/conversations?cursor=" + forged, adminOne), "cursor");
    assertProblem(client.get("/api/feeds/conversations?cursor=%25%25", adminOne), "cursor");
    assertProblem(client.get("/api/feeds/conversations?limit=0", adminOne), "limit");
    assertProblem(client.get("/api/feeds/traffic", adminOne), "report");
    assertThat(client.get("/api/feeds/conversations?account_id=2", adminOne).statusCode())
        .isEqualTo(403);
    assertThat(client.get("/api/feeds/nothing", adminOne).statusCode()).isEqualTo(404);

    // NDJSON: one change a line, the cursor on the last.
    HttpResponse<String> lines =
        client.get("/api/feeds/conversations?limit=2", adminOne, "application/x-ndjson");
    assertThat(lines.statusCode()).isEqualTo(200);
    List<String> text = lines.body().lines().toList();
    assertThat(text).hasSize(3);
    assertThat(ApiClient.json(text.get(0)).getString("kind")).isEqualTo("new");
    assertThat(ApiClient.json(text.get(2)).getString("next_cursor")).isNotEmpty();
  }

  /** One client's copy of a report, kept by following its feed. */
  private static final class Mirror {
    final Report report;
    final String token;
    final String parameters;
    final TreeMap<List<Comparable<?>>, List<String>> rows = new TreeMap<>(Mirror::compareKeys);
    String cursor;
    boolean ended;

    Mirror(Report report, String token, String parameters) {
      this.report = report;
      this.token = token;
      this.parameters = parameters;
    }

    /** One page, applied, unless its answer is "lost" (then the same cursor is asked again). */
    List<JsonObject> page(ApiClient client, Random random) {
      String path =
          "/api/feeds/" + report.urlName() + "?tz=UTC&limit=" + (1 + random.nextInt(40))
              + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
              + parameters;
      HttpResponse<String> answer = client.get(path, token, "application/json");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      if (random.nextInt(5) == 0) {
        return List.of();
      }
      JsonObject page = ApiClient.json(answer);
      List<String> columns = report.columns().stream().map(Column::name).toList();
      List<JsonObject> changes = page.getJsonArray("changes").getValuesAs(JsonObject.class);
      for (JsonObject change : changes) {
        List<Comparable<?>> key = new ArrayList<>();
        for (JsonValue part : change.getJsonObject("key").values()) {
          key.add(part instanceof JsonNumber n ? (Comparable<?>) n.longValue() : ((JsonString) part).getString());
        }
        if (change.getString("kind").equals("removed")) {
          rows.remove(key);
        } else {
          JsonObject row = change.getJsonObject("row");
          rows.put(key, columns.stream().map(row::getString).toList());
        }
      }
      cursor = page.getString("next_cursor");
      ended = page.getBoolean("end_of_stream");
      return changes;
    }

    /** Pages until the feed has no more; the changes applied on the way. */
    List<JsonObject> toTheEnd(ApiClient client, Random random) {
      List<JsonObject> applied = new ArrayList<>();
      ended = false;
      for (int pages = 0; !ended; pages++) {
        assertThat(pages).as("pages of " + report.urlName()).isLessThan(10_000);
        applied.addAll(page(client, random));
      }
      return applied;
    }

    /** The mirror in the report's order (its key's), as the CSV export writes it. */
    String csv() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ReportCsvWriter csv = new ReportCsvWriter(bytes, report.columns(), CsvFormat.DEFAULT)) {
        rows.values().forEach(csv::write);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Comparable<?>> a, List<Comparable<?>> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = ((Comparable) a.get(i)).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }

  private static String export(ApiClient client, Report report, String token, String parameters) {
    HttpResponse<String> answer =
        client.get("/api/exports/" + report.urlName() + "?" + ALL_TIME + parameters, token, "text/csv");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static int columnIndex(Report report, String name) {
    return report.columns().stream().map(Column::name).toList().indexOf(name);
  }

  private static void post(ApiClient client, List<String> lines) {
    for (int from = 0; from < lines.size(); from += 500) {
      List<String> batch = lines.subList(from, Math.min(lines.size(), from + 500));
      JsonObject answer =
          ApiClient.json(
              client.post("/api/events", OPERATOR, "application/x-ndjson", String.join("\n", batch) + "\n"));
      assertThat(answer.getJsonArray("rejected")).as(answer.toString()).isEmpty();
    }
  }

  private static String token(ApiClient client, long account) {
    HttpResponse<String> issued =
        client.post(
            "/api/admin/accounts/" + account + "/tokens",
            OPERATOR,
            "application/json",
            "{\"label\":\"feed-it\",\"role\":\"admin\"}");
    assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
    return ApiClient.json(issued).getString("token");
  }

  private static void assertProblem(HttpResponse<String> response, String field) {
    String what = response.request().uri().toString();
    assertThat(response.statusCode()).as(what + " " + response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(ApiClient.json(response).getString("field", null)).as(what).isEqualTo(field);
  }
}
