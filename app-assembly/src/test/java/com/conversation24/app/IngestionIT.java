package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/events} and the rebuild over HTTP, against the WAR as built: the worked
 * example's totals, resending it, the problem answers, the log as the source of the facts, and
 * two batches racing with the same new ids.
 */
@PlatformTest
@RunAsClient
class IngestionIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String NDJSON = "application/x-ndjson";
  private static final String JSON = "application/json";
  private static final String[] FACT_TABLES = {
    "campaigns_fact", "agents_fact", "conversations_fact", "traffic_fact"
  };

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void nothingIsStoredYet() throws SQLException {
    TestDatabase.forgetEvents();
  }

  @Test
  void theWorkedExampleIsTakenOnceAndIsAllDuplicatesWhenResent() throws IOException {
    ApiClient client = new ApiClient(base);
    String example = example();

    JsonObject first = ApiClient.json(client.post("/api/events", OPERATOR, NDJSON, example));
    assertThat(first.getInt("accepted")).isEqualTo(3932);
    assertThat(first.getInt("duplicates")).isEqualTo(47);
    assertThat(first.getJsonArray("rejected")).hasSize(65);

    // Every line that was valid is now stored with the same content; the invalid ones (reused
    // ids included, the first arrival stays) are rejected again.
    JsonObject again = ApiClient.json(client.post("/api/events", OPERATOR, NDJSON, example));
    assertThat(again.getInt("accepted")).isZero();
    assertThat(again.getInt("duplicates")).isEqualTo(3932 + 47);
    assertThat(again.getJsonArray("rejected")).isEqualTo(first.getJsonArray("rejected"));
  }

  @Test
  void aJsonArrayIsJudgedElementByElement() {
    ApiClient client = new ApiClient(base);
    String body =
        "[" + accountUpdated("it-array-1", 901, "Array") + ", 7, "
            + accountUpdated("it-array-1", 901, "Array") + "]";
    JsonObject answer = ApiClient.json(client.post("/api/events", OPERATOR, JSON, body));
    assertThat(answer.getInt("accepted")).isEqualTo(1);
    assertThat(answer.getInt("duplicates")).isEqualTo(1);
    assertThat(answer.getJsonArray("rejected").getJsonObject(0).getInt("line")).isEqualTo(2);
  }

  @Test
  void anotherContentTypeGets415AsAProblem() {
    HttpResponse<String> refused =
        new ApiClient(base)
            .post("/api/events", OPERATOR, "text/plain", accountUpdated("it-t", 1, "T"));
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void aJsonBodyThatIsNotOneArrayGets400AndStoresNothing() throws SQLException {
    HttpResponse<String> refused =
        new ApiClient(base)
            .post("/api/events", OPERATOR, JSON, accountUpdated("it-object", 2, "O"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(refused).getString("field")).isEqualTo("body");
    assertThat(count("campaigns_event_log WHERE event_id = 'it-object'")).isZero();
  }

  @Test
  void rebuildReplaysEveryLogRowIntoTheFacts() throws SQLException {
    ApiClient client = new ApiClient(base);
    client.post("/api/events", OPERATOR, NDJSON, accountUpdated("it-rebuild-1", 903, "Rebuilt"));

    HttpResponse<String> rebuilt = client.post("/api/operations/rebuild", OPERATOR, JSON, "");
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    long logRows = count("campaigns_event_log");
    assertThat(logRows).isPositive();
    assertThat(ApiClient.json(rebuilt).getJsonNumber("replayed").longValue()).isEqualTo(logRows);
    long facts = 0;
    for (String table : FACT_TABLES) {
      facts += count(table);
    }
    assertThat(facts).isEqualTo(logRows);
  }

  @Test
  void twoBatchesRacingWithTheSameNewIdsAreJudgedAsIfOneCameFirst() throws Exception {
    int size = 1_000;
    for (int round = 0; round < 6; round++) {
      boolean sameContent = round % 2 == 0;
      // Rounds 4 and 5 send the rival's lines in reverse order: the inserts cross, a deadlock.
      boolean reversed = round >= 4;
      String prefix = "it-race-" + round + "-";
      List<String> first = new ArrayList<>();
      List<String> second = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        first.add(accountUpdated(prefix + i, 5_000 + i, "First"));
        second.add(accountUpdated(prefix + i, 5_000 + i, sameContent ? "First" : "Second"));
      }
      if (reversed) {
        Collections.reverse(second);
      }
      List<JsonObject> answers = sendAtOnce(String.join("\n", first), String.join("\n", second));

      int accepted = 0;
      int duplicates = 0;
      int rejected = 0;
      for (JsonObject answer : answers) {
        accepted += answer.getInt("accepted");
        duplicates += answer.getInt("duplicates");
        rejected += answer.getJsonArray("rejected").size();
        // A batch is applied whole or not at all: one wins every id, the other none.
        assertThat(answer.getInt("accepted")).as("round %d", round).isIn(0, size);
      }
      assertThat(accepted).as("round %d", round).isEqualTo(size);
      assertThat(duplicates).as("round %d", round).isEqualTo(sameContent ? size : 0);
      assertThat(rejected).as("round %d", round).isEqualTo(sameContent ? 0 : size);
      assertThat(count("campaigns_event_log WHERE event_id LIKE '" + prefix + "%'")).isEqualTo(size);
      assertThat(count("campaigns_fact WHERE event_id LIKE '" + prefix + "%'")).isEqualTo(size);
      if (!sameContent) {
        String winner = answers.get(0).getInt("accepted") == size ? "First" : "Second";
        assertThat(
                count(
                    // The fact refers to the log's row, which holds the event (decision 40).
                    "campaigns_fact f JOIN campaigns_event_log l ON l.event_id = f.event_id"
                        + " WHERE f.event_id LIKE '" + prefix + "%' AND l.data LIKE '%\"name\":\""
                        + winner
                        + "\"%'"))
            .isEqualTo(size);
      }
    }
  }

  /** Posts both bodies from two threads released together; both must answer 200. */
  private List<JsonObject> sendAtOnce(String one, String other) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (String body : List.of(one, other)) {
        sent.add(
            threads.submit(
                () -> {
                  ApiClient client = new ApiClient(base);
                  start.await();
                  return client.post("/api/events", OPERATOR, NDJSON, body);
                }));
      }
      List<JsonObject> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        answers.add(ApiClient.json(response));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private static String accountUpdated(String id, long accountId, String name) {
    return "{\"id\":\"" + id + "\",\"type\":\"account.updated\",\"at\":\"2026-10-01T08:00:00Z\","
        + "\"data\":{\"account_id\":" + accountId + ",\"name\":\"" + name + "\"}}";
  }

  private static String example() throws IOException {
    try (InputStream in = IngestionIT.class.getResourceAsStream("/examples/events.ndjson")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long count(String from) throws SQLException {
    try (Connection db = TestDatabase.connect();
        Statement q = db.createStatement();
        ResultSet r = q.executeQuery("SELECT COUNT(*) FROM " + from)) {
      r.next();
      return r.getLong(1);
    }
  }
}
