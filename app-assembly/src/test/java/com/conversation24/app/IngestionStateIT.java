package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is stored depends on the set of events sent, not on their order nor on resending: the
 * worked example (good, duplicate, conflicting and broken lines) sent in file order and shuffled
 * with several seeds, each time into an emptied store and twice, leaves the same event log, the
 * same facts in every context and the same eight reports. Lines that share an id keep their
 * relative order in a shuffle: for a reused id the first arrival wins (EVENTS.md), so only their
 * order may decide.
 *
 * <p>The store is emptied by deleting the log and rebuilding from it (which clears every context's
 * facts and anything derived from them), before each test and after it.
 */
@PlatformTest
@RunAsClient
class IngestionStateIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String NDJSON = "application/x-ndjson";
  private static final String[] FACT_TABLES = {
    "campaigns_fact", "agents_fact", "conversations_fact", "traffic_fact"
  };
  private static final String RANGE = "from=2026-10-23&to=2026-10-28";
  private static final long[] SEEDS = {1L, 42L, 20261125L};

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeEach
  @AfterEach
  void emptyTheStore() throws SQLException {
    try (Connection db = TestDatabase.connect();
        Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM campaigns_event_log");
    }
    HttpResponse<String> rebuilt =
        new ApiClient(base).post("/api/operations/rebuild", OPERATOR, "application/json", "");
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(rebuilt).getJsonNumber("replayed").longValue()).isZero();
    for (String table : FACT_TABLES) {
      assertThat(rows("SELECT event_id FROM " + table)).as(table).isEmpty();
    }
  }

  @Test
  void theExampleStoresExactlyItsGoodLinesWithTheRightCounts() throws Exception {
    List<String> lines = exampleLines();
    JsonObject answer = post(String.join("\n", lines));
    assertThat(answer.getInt("accepted")).isEqualTo(3932);
    assertThat(answer.getInt("duplicates")).isEqualTo(47);
    assertThat(answer.getJsonArray("rejected")).hasSize(65);

    // The good lines are those not rejected; their ids are exactly the log's ids, each once.
    Set<Integer> rejectedLines = new HashSet<>();
    for (JsonValue r : answer.getJsonArray("rejected")) {
      rejectedLines.add(r.asJsonObject().getInt("line"));
    }
    Set<String> goodIds = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !rejectedLines.contains(i + 1)) {
        goodIds.add("event_id=" + idOf(lines.get(i)).orElseThrow());
      }
    }
    List<List<String>> logged = rows("SELECT event_id FROM campaigns_event_log");
    assertThat(logged).hasSize(3932);
    assertThat(new TreeSet<>(logged.stream().map(row -> row.get(0)).toList())).isEqualTo(goodIds);
    long facts = 0;
    for (String table : FACT_TABLES) {
      facts += rows("SELECT event_id FROM " + table).size();
    }
    assertThat(facts).isEqualTo(3932);
  }

  @Test
  void theExampleShuffledAndSentTwiceLeavesTheSameStoredStateAndReports() throws Exception {
    List<String> inFileOrder = exampleLines();
    Map<String, Object> expected = sendTwiceAndCapture(inFileOrder);
    for (long seed : SEEDS) {
      emptyTheStore();
      List<String> shuffled = shuffleKeepingOrderPerId(inFileOrder, seed);
      assertThat(shuffled).as("seed %d shuffles", seed).isNotEqualTo(inFileOrder);
      Map<String, Object> state = sendTwiceAndCapture(shuffled);
      for (String part : expected.keySet()) {
        assertThat(state.get(part)).as("%s after seed %d", part, seed).isEqualTo(expected.get(part));
      }
    }
  }

  /** Sends the lines as one batch, then again; returns the answers' figures and what is stored. */
  private Map<String, Object> sendTwiceAndCapture(List<String> lines) throws SQLException {
    String body = String.join("\n", lines);
    JsonObject first = post(body);
    JsonObject second = post(body);
    assertThat(first.getInt("accepted")).isEqualTo(3932);
    assertThat(second.getInt("accepted")).isZero();
    assertThat(second.getInt("duplicates")).isEqualTo(3932 + 47);

    Map<String, Object> state = new LinkedHashMap<>();
    state.put("first answer", figures(first));
    state.put("second answer", figures(second));
    state.put(
        "event log", rows("SELECT event_id, fingerprint FROM campaigns_event_log ORDER BY event_id"));
    for (String table : FACT_TABLES) {
      // Every column but seq, the insert order, which follows arrival by design (decision 18).
      state.put(
          table,
          rows("SELECT * FROM " + table + " ORDER BY event_id").stream()
              .map(row -> row.stream().filter(cell -> !cell.startsWith("seq=")).toList())
              .toList());
    }
    JsonObject catalogue = ApiClient.json(new ApiClient(base).get("/api/exports", OPERATOR));
    int nonEmpty = 0;
    for (JsonValue report : catalogue.getJsonArray("reports")) {
      String name = report.asJsonObject().getString("name");
      String csv = csv("/api/exports/" + name + "?" + RANGE);
      state.put("report " + name, csv);
      nonEmpty += csv.lines().count() > 1 ? 1 : 0;
    }
    assertThat(catalogue.getJsonArray("reports")).hasSize(8);
    assertThat(nonEmpty).as("reports with rows").isEqualTo(8);
    return state;
  }

  /** Counts and the rejected ids (line numbers move with a shuffle). */
  private static List<Object> figures(JsonObject answer) {
    Set<String> rejectedIds = new TreeSet<>();
    int withoutId = 0;
    for (JsonValue r : answer.getJsonArray("rejected")) {
      JsonValue id = r.asJsonObject().get("id");
      if (id instanceof JsonString s) {
        rejectedIds.add(s.getString());
      } else {
        withoutId++;
      }
    }
    return List.of(
        answer.getInt("accepted"),
        answer.getInt("duplicates"),
        answer.getJsonArray("rejected").size(),
        rejectedIds,
        withoutId);
  }

  /**
   * A seeded permutation of the lines in which the lines sharing an id still come in their
   * original relative order: the shuffled positions of an id's lines are handed to them in order.
   */
  static List<String> shuffleKeepingOrderPerId(List<String> lines, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    Map<String, List<Integer>> positionsById = new LinkedHashMap<>();
    for (int position = 0; position < order.size(); position++) {
      Optional<String> id = idOf(lines.get(order.get(position)));
      if (id.isPresent()) {
        positionsById.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(position);
      }
    }
    for (List<Integer> positions : positionsById.values()) {
      List<Integer> originals = new ArrayList<>();
      for (int position : positions) {
        originals.add(order.get(position));
      }
      Collections.sort(originals);
      for (int k = 0; k < positions.size(); k++) {
        order.set(positions.get(k), originals.get(k));
      }
    }
    List<String> shuffled = new ArrayList<>(lines.size());
    for (int original : order) {
      shuffled.add(lines.get(original));
    }
    return shuffled;
  }

  /** The id of a line that is a JSON object with a string id; broken lines have none. */
  static Optional<String> idOf(String line) {
    try {
      JsonValue value = Json.createReader(new StringReader(line.strip())).readValue();
      if (value instanceof JsonObject object && object.get("id") instanceof JsonString id) {
        return Optional.of(id.getString());
      }
    } catch (RuntimeException notJson) {
      // a broken line: it is rejected wherever it stands
    }
    return Optional.empty();
  }

  private JsonObject post(String body) {
    HttpResponse<String> answer = new ApiClient(base).post("/api/events", OPERATOR, NDJSON, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return ApiClient.json(answer);
  }

  private String csv(String path) {
    ApiClient client = new ApiClient(base);
    HttpRequest request =
        HttpRequest.newBuilder(client.uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + OPERATOR)
            .header("Accept", "text/csv")
            .GET()
            .build();
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Lines as in the file, CR included where the file has one: the bytes sent are the file's. */
  private static List<String> exampleLines() throws IOException {
    try (InputStream in = IngestionStateIT.class.getResourceAsStream("/examples/events.ndjson")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      if (lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }
  }

  private static List<List<String>> rows(String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection db = TestDatabase.connect();
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery(query)) {
      ResultSetMetaData columns = r.getMetaData();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
          row.add(columns.getColumnLabel(c) + "=" + r.getString(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
