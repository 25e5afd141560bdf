package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.app.testing.TestDatabase.DatabaseAccount;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server is killed ({@code kill -9}: {@link Process#destroyForcibly()}) in the middle of its
 * work and started again on the same database. While a client streams batches: the client resends
 * every batch that got no answer, and afterwards the log holds every event the client sent exactly
 * once, none missing, none extra. While a webhook delivery waits for its receiver's answer: once
 * the dead member's lease has run out the restarted one sends it again, under the same delivery
 * id, and the log shows the lost attempt as interrupted. The application runs as the README
 * deploys it (Payara Micro with the built WAR), against a database of its own.
 */
@ExtendWith(TestDatabase.class)
class CrashIT {

  private static final Logger LOG = Logger.getLogger(CrashIT.class.getName());
  private static final String DATABASE = "exports_crash_it";
  private static final String DELIVERY_DATABASE = "exports_crash_delivery_it";
  private static final String TOKEN = "c24t_crash-it-operator-token-0123456789abcdef";
  private static final int EVENTS = 60_000;
  private static final int BATCH = 1_000;
  /** Answered batches before the kill: it falls in the middle of the stream. */
  private static final int KILL_AFTER = 20;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyEventIsStoredExactlyOnceAfterAKillAndTheResendOfUnansweredBatches() throws Exception {
    DatabaseAccount db = fresh(DATABASE);
    List<List<String>> batches = stream();
    Set<String> sentIds = new HashSet<>();
    batches.forEach(batch -> batch.forEach(line -> sentIds.add(idOf(line))));
    assertThat(sentIds).hasSize(EVENTS);

    int port = freePort();
    Process first = start(db, port, 1);
    List<HttpResponse<String>> answers = new ArrayList<>();
    AtomicInteger answeredCount = new AtomicInteger();
    Thread client =
        new Thread(
            () -> {
              for (List<String> batch : batches) {
                HttpResponse<String> answer = send(port, batch);
                synchronized (answers) {
                  answers.add(answer);
                }
                if (answer != null) {
                  answeredCount.incrementAndGet();
                }
              }
            },
            "crash-it-client");
    client.start();
    while (answeredCount.get() < KILL_AFTER && client.isAlive()) {
      Thread.sleep(5);
    }
    first.destroyForcibly();
    assertThat(first.waitFor()).as("killed by SIGKILL").isEqualTo(137);
    client.join();

    List<Integer> unanswered = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (answers.get(i) == null) {
        unanswered.add(i);
      } else {
        assertAllTaken(answers.get(i), batches.get(i));
      }
    }
    LOG.info(
        "killed after "
            + answeredCount.get()
            + " answered batches; "
            + unanswered.size()
            + " unanswered, "
            + stored(db)
            + " events stored at the kill");
    assertThat(answeredCount.get()).isGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(unanswered).isNotEmpty();

    Process second = start(db, port, 2);
    try {
      for (int i : unanswered) {
        HttpResponse<String> answer = send(port, batches.get(i));
        assertThat(answer).as("resent batch %d", i).isNotNull();
        assertAllTaken(answer, batches.get(i));
      }
    } finally {
      second.destroy();
      second.waitFor();
    }

    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT event_id FROM campaigns_event_log")) {
      List<String> logged = new ArrayList<>();
      while (r.next()) {
        logged.add(r.getString(1));
      }
      assertThat(logged).hasSize(EVENTS).doesNotHaveDuplicates();
      assertThat(new HashSet<>(logged)).isEqualTo(sentIds);
    }
    long facts = 0;
    for (String table : List.of("campaigns_fact", "agents_fact", "conversations_fact", "traffic_fact")) {
      facts += count(db, table);
    }
    assertThat(facts).as("every context's facts").isEqualTo(EVENTS);
  }

  @Test
  void aDeliveryCutByAKillIsSentAgainUnderItsDeliveryIdAfterTheRestart() throws Exception {
    DatabaseAccount db = fresh(DELIVERY_DATABASE);
    // The receiver holds its first request unanswered (the member is killed meanwhile) and
    // answers 204 to any later one.
    List<Map<String, List<String>>> received = new ArrayList<>();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean first;
          synchronized (received) {
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            first = received.size() == 1;
          }
          if (first) {
            held.countDown();
            try {
              release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else {
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

    int port = freePort();
    Process first = start(db, port, 1);
    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/").toURL());
    long id;
    String admin;
    try {
      HttpResponse<String> token =
          api.post("/api/admin/accounts/1/tokens", TOKEN, "application/json",
              "{\"label\":\"crash-it\",\"role\":\"admin\"}");
      assertThat(token.statusCode()).as(token.body()).isIn(200, 201);
      admin = ApiClient.json(token).getString("token");
      HttpResponse<String> created =
          api.post("/api/saved-exports", admin, "application/json",
              "{\"label\":\"Cut by a kill\",\"report\":\"agents\",\"criteria\":{\"tz\":\"UTC\"},"
                  + "\"format\":\"csv\",\"schedule\":{\"every\":\"daily\",\"at\":\"07:00\"},"
                  + "\"destination\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      id = ApiClient.json(created).getJsonObject("savedExport").getJsonNumber("id").longValue();
      HttpResponse<String> sent = api.post("/api/saved-exports/" + id + "/send", admin, "application/json", "");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
      assertThat(held.await(60, TimeUnit.SECONDS)).as("the webhook was called").isTrue();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.waitFor()).as("killed by SIGKILL").isEqualTo(137);
    release.countDown();

    Process second = start(db, port, 2);
    try {
      // The dead member's lease (30 s) runs out, then a sweep of the new one sends it again.
      JsonObject delivery = null;
      Instant deadline = Instant.now().plus(3, ChronoUnit.MINUTES);
      while (delivery == null || !delivery.getString("state").equals("delivered")) {
        assertThat(Instant.now()).as("delivered again after the restart: " + delivery).isBefore(deadline);
        Thread.sleep(500);
        HttpResponse<String> log = api.get("/api/saved-exports/" + id + "/deliveries", admin);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        JsonArray deliveries = ApiClient.jsonArray(log.body());
        assertThat(deliveries).as("one delivery for the one send").hasSize(1);
        delivery = deliveries.getJsonObject(0);
      }
      synchronized (received) {
        assertThat(received).hasSize(2);
        String deliveryId = received.get(0).get("X-c24-delivery").get(0);
        assertThat(delivery.getString("deliveryId")).isEqualTo(deliveryId);
        assertThat(received.get(1).get("X-c24-delivery")).containsExactly(deliveryId);
        assertThat(received.get(0).get("X-c24-attempt")).containsExactly("1");
        assertThat(received.get(1).get("X-c24-attempt")).containsExactly("2");
      }
      assertThat(delivery.getJsonArray("log").stream().map(a -> a.asJsonObject().getString("outcome")))
          .containsExactly("interrupted", "delivered");
    } finally {
      second.destroy();
      second.waitFor();
      receiver.stop(0);
    }
  }

  /** Sends one batch; null when no answer came (the server is gone). */
  private HttpResponse<String> send(int port, List<String> batch) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", batch)))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * Every answer is a 200 that takes each line as accepted or duplicate: a batch committed but not
   * answered before the kill comes back as duplicates when resent.
   */
  private static void assertAllTaken(HttpResponse<String> response, List<String> batch) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(answer.getJsonArray("rejected")).as(response.body()).isEmpty();
    assertThat(answer.getInt("accepted") + answer.getInt("duplicates")).isEqualTo(batch.size());
  }

  /** Payara Micro with the built WAR, as the README deploys it; returns once it is ready. */
  private Process start(DatabaseAccount db, int port, int run) throws Exception {
    Path dir = Path.of(System.getProperty("exports.testDir", "target/it"), "crash");
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    File log = dir.resolve("payara-" + run + ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-jar",
                System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy",
                System.getProperty("exports.war", "target/exports.war"),
                "--contextroot",
                "/",
                "--nocluster",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log);
    builder.environment().put("EXPORTS_DB_URL", db.url() + "?connectTimeout=2000");
    builder.environment().put("EXPORTS_DB_USER", db.user());
    builder.environment().put("EXPORTS_DB_PASSWORD", db.password());
    builder.environment().put("EXPORTS_OPERATOR_TOKEN", TOKEN);
    builder.environment().put("EXPORTS_OPERATOR_PASSWORD", "crash-it-operator-password");
    // The delivery test's webhook receiver listens on the loopback, which production refuses.
    builder.environment().put("EXPORTS_MODE", "development");
    builder.environment().put("EXPORTS_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
    Process process = builder.start();
    Instant deadline = Instant.now().plus(5, ChronoUnit.MINUTES);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro ended at start; see " + log);
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Payara Micro not ready within 5 minutes; see " + log);
  }

  /** An empty database of that name, created anew. */
  private static DatabaseAccount fresh(String name) throws SQLException {
    try (Connection server = TestDatabase.connect();
        Statement s = server.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return TestDatabase.account(name);
  }

  /** The client's stream: page views and chat messages with unique ids, all in the past. */
  private static List<List<String>> stream() {
    Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    List<List<String>> batches = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    for (int n = 0; n < EVENTS; n++) {
      Instant at = base.plusMillis(n * 731L);
      String line =
          n % 3 == 0
              ? "{\"id\":\"crash-" + n + "\",\"type\":\"page.viewed\",\"at\":\"" + at
                  + "\",\"data\":{\"chatcampaign_id\":" + (1 + n % 7) + ",\"visitor_id\":\"v-"
                  + n / 9 + "\",\"url\":\"https://shop.example.com/p/" + n + "\"}}"
              : "{\"id\":\"crash-" + n + "\",\"type\":\"conversation.message\",\"at\":\"" + at
                  + "\",\"data\":{\"session_id\":\"s-" + n / 12 + "\",\"author\":\"visitor\","
                  + "\"text\":\"message " + n + " of the stream\"}}";
      batch.add(line);
      if (batch.size() == BATCH) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private static String idOf(String line) {
    return Json.createReader(new StringReader(line)).readObject().getString("id");
  }

  private static long stored(DatabaseAccount db) throws SQLException {
    return count(db, "campaigns_event_log");
  }

  private static long count(DatabaseAccount db, String table) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
