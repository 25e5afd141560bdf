package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.app.testing.TestMailbox;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled deliveries (issue 19) as a client sees them, with the server's clock moved to days of
 * the worked example (development mode), the tests' SMTP server (GreenMail) and webhook receivers
 * (the JDK's HTTP server on 127.0.0.1): each period delivered once across the autumn DST change,
 * the attached CSV the export of the same criteria, a file past the attachment size sent as an
 * export job's link, webhooks signed and retried with one delivery id, a period left half-sent
 * by a stopped member sent once more under the same id, failing exports marked, field problems.
 */
@PlatformTest
@RunAsClient
class DeliveriesIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static String adminA;
  private static String viewerA;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private ApiClient api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<HttpServer> receivers = new ArrayList<>();

  @BeforeEach
  void theWorkedExampleAndTokens() throws Exception {
    api = new ApiClient(base);
    synchronized (DeliveriesIT.class) {
      if (adminA == null) {
        TestDatabase.forgetEvents();
        JsonObject answer =
            ApiClient.json(api.post("/api/events", OPERATOR, "application/x-ndjson", resource("events.ndjson")));
        assertThat(answer.getInt("accepted")).isEqualTo(3932);
        adminA = token(1, "admin");
        viewerA = token(1, "viewer");
      }
    }
  }

  @AfterEach
  void theSystemClockAgainAndNoReceivers() {
    assertThat(api.delete("/api/operations/clock", OPERATOR).statusCode()).isEqualTo(200);
    receivers.forEach(r -> r.stop(0));
  }

  @Test
  void aDailyScheduleDeliversEachPeriodOnceAcrossTheAutumnChangeWithTheExportAttached() throws Exception {
    // 06:59:57 in Amsterdam (CEST) on Saturday 24 October 2026; the clock runs on from there.
    setClock("2026-10-24T04:59:57Z");
    String to = "daily-" + UUID.randomUUID() + "@example.com";
    JsonObject created = create(adminA, body("Daily slots", "slots",
        "{\"range\":\"yesterday\",\"tz\":\"Europe/Amsterdam\"}", "csv",
        "{\"every\":\"daily\",\"at\":\"07:00\"}", "{\"type\":\"email\",\"to\":[\"" + to + "\"]}"));
    long id = created.getJsonObject("savedExport").getJsonNumber("id").longValue();
    assertThat(created.getJsonObject("savedExport").getString("nextRunAt")).isEqualTo("2026-10-24T05:00:00Z");

    JsonObject first = until(() -> deliveredCount(id) == 1, () -> log(id)).getJsonObject(0);
    assertThat(first.getString("period")).isEqualTo("2026-10-24T05:00:00Z");
    assertThat(first.getBoolean("manual")).isFalse();
    assertAttachedIsTheExport(first, to, "/api/exports/slots?from=2026-10-23&to=2026-10-24&tz=Europe/Amsterdam");

    // Sunday 25 October: the clocks went back at 03:00, so 07:00 is 06:00 UTC now.
    setClock("2026-10-25T05:59:57Z");
    JsonArray two = until(() -> deliveredCount(id) == 2, () -> log(id));
    JsonObject second = two.getJsonObject(0);
    assertThat(second.getString("period")).isEqualTo("2026-10-25T06:00:00Z");
    assertThat(second.getString("deliveryId")).isNotEqualTo(first.getString("deliveryId"));
    assertAttachedIsTheExport(second, to, "/api/exports/slots?from=2026-10-24&to=2026-10-25&tz=Europe/Amsterdam");

    // Several sweeps later: still one delivery for each period, one mail each.
    Thread.sleep(4_000);
    assertThat(log(id)).hasSize(2);
    assertThat(TestMailbox.received().stream().filter(m -> recipients(m).contains(to))).hasSize(2);
  }

  @Test
  void aFilePastTheAttachmentSizeIsMailedAsTheLinkToAnExportJobsFile() throws Exception {
    String to = "link-" + UUID.randomUUID() + "@example.com";
    String query = "from=2026-10-23&to=2026-10-28&tz=Europe/Amsterdam";
    long id = id(create(adminA, body("Big conversations", "conversations",
        "{\"from\":\"2026-10-23\",\"to\":\"2026-10-28\",\"tz\":\"Europe/Amsterdam\"}", "csv",
        "{\"every\":\"weekly\",\"weekday\":\"monday\",\"at\":\"07:00\"}", "{\"type\":\"email\",\"to\":\"" + to + "\"}")));
    byte[] export = bytes("/api/exports/conversations?" + query, adminA);
    assertThat(export.length).isGreaterThan(TestDatabase.ATTACHMENT_MAX_BYTES);

    sendNow(id);
    JsonObject delivery = until(() -> deliveredCount(id) == 1, () -> log(id)).getJsonObject(0);
    assertThat(delivery.getString("outcome")).contains("sent as the link to export job");
    MimeMessage mail = single(delivery.getString("deliveryId"));
    assertThat(attachments(mail)).isEmpty();
    Matcher link = Pattern.compile("/api/export-jobs/(\\d+)/file").matcher(text(mail));
    assertThat(link.find()).as(text(mail)).isTrue();
    String job = "/api/export-jobs/" + link.group(1);
    until(() -> ApiClient.json(api.get(job, adminA)).getString("state").equals("done"), () -> null);
    assertThat(bytes(job + "/file", adminA)).isEqualTo(export);
  }

  @Test
  void aWebhookIsSignedAndAReceiverFailingTwiceGetsThreeAttemptsWithOneDeliveryId() throws Exception {
    List<Received> received = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    String url = receiver(received, () -> calls.incrementAndGet() <= 2 ? 500 : 200);
    JsonObject created = create(adminA, body("Hook", "slots",
        "{\"from\":\"2026-10-23\",\"to\":\"2026-10-24\",\"tz\":\"Europe/Amsterdam\",\"delimiter\":\"semicolon\"}",
        "csv", "{\"every\":\"monthly\",\"day\":31,\"at\":\"23:30\"}", "{\"type\":\"webhook\",\"url\":\"" + url + "\"}"));
    String secret = created.getString("webhookSecret");
    assertThat(secret).startsWith("c24w_");
    long id = id(created);
    assertThat(api.get("/api/saved-exports/" + id, adminA).body()).doesNotContain(secret);

    sendNow(id);
    JsonObject delivery = until(() -> deliveredCount(id) == 1, () -> log(id)).getJsonObject(0);
    byte[] export = bytes("/api/exports/slots?from=2026-10-23&to=2026-10-24&tz=Europe/Amsterdam&delimiter=semicolon", adminA);
    synchronized (received) {
      assertThat(received).hasSize(3);
      for (int n = 0; n < 3; n++) {
        Received r = received.get(n);
        assertThat(r.header("X-C24-Delivery")).isEqualTo(delivery.getString("deliveryId"));
        assertThat(r.header("X-C24-Attempt")).isEqualTo(String.valueOf(n + 1));
        assertThat(r.body).isEqualTo(export);
        assertThat(r.header("X-C24-Signature"))
            .isEqualTo("sha256=" + hmac(secret, r.header("X-C24-Timestamp") + ".", r.body));
        assertThat(r.header("Content-Type")).startsWith("text/csv");
      }
    }
    JsonArray attempts = delivery.getJsonArray("log");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("failed");
    assertThat(attempts.getJsonObject(0).getInt("status")).isEqualTo(500);
    assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("failed");
    JsonObject last = attempts.getJsonObject(2);
    assertThat(last.getString("outcome")).isEqualTo("delivered");
    assertThat(last.getInt("status")).isEqualTo(200);
    assertThat(last.getString("answer")).isEqualTo("answer 3");
    assertThat(last.getJsonNumber("bytes").longValue()).isEqualTo(export.length);
    assertThat(last.getString("sha256")).isEqualTo(sha256(export));
    // The pauses between attempts doubled: 1 s, then 2 s.
    Instant a1 = Instant.parse(attempts.getJsonObject(0).getString("at"));
    Instant a2 = Instant.parse(attempts.getJsonObject(1).getString("at"));
    Instant a3 = Instant.parse(last.getString("at"));
    assertThat(Duration.between(a1, a2)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(a2, a3)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aPeriodAStoppedMemberLeftHalfSentIsSentOnceMoreUnderTheSameDeliveryId() throws Exception {
    List<Received> received = new ArrayList<>();
    String url = receiver(received, () -> 204);
    long id = id(create(adminA, body("Left sending", "agents", "{\"tz\":\"UTC\"}", "ndjson",
        "{\"every\":\"daily\",\"at\":\"07:00\"}", "{\"type\":\"webhook\",\"url\":\"" + url + "\"}")));
    String deliveryId = UUID.randomUUID().toString();
    Instant period = Instant.parse("2026-10-24T07:00:00Z");
    // As a member killed mid-attempt leaves it: claimed, its first attempt sending, the lease over.
    insertDelivery(id, period, deliveryId, "SENDING", Instant.now().minusSeconds(5));

    JsonObject delivery = until(() -> deliveredCount(id) == 1, () -> log(id)).getJsonObject(0);
    assertThat(delivery.getString("deliveryId")).isEqualTo(deliveryId);
    assertThat(delivery.getInt("attempts")).isEqualTo(2);
    JsonArray attempts = delivery.getJsonArray("log");
    assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("interrupted");
    assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("delivered");
    Thread.sleep(3_000);
    synchronized (received) {
      assertThat(received).hasSize(1);
      assertThat(received.get(0).header("X-C24-Delivery")).isEqualTo(deliveryId);
      assertThat(received.get(0).header("X-C24-Attempt")).isEqualTo("2");
    }
    // The claim is the database's: a second delivery of the same period cannot exist.
    try {
      insertDelivery(id, period, UUID.randomUUID().toString(), "QUEUED", null);
      throw new AssertionError("a second delivery of one period was stored");
    } catch (SQLIntegrityConstraintViolationException expected) {
      assertThat(expected.getMessage()).contains("uq_exports_delivery_period");
    }
    assertThat(log(id)).hasSize(1);
  }

  @Test
  void aSavedExportWhoseDeliveriesKeepFailingIsMarkedFailing() throws Exception {
    String url = receiver(new ArrayList<>(), () -> 503);
    long id = id(create(adminA, body("Always down", "hosts", "{}", "json",
        "{\"every\":\"daily\",\"at\":\"07:00\"}", "{\"type\":\"webhook\",\"url\":\"" + url + "\"}")));
    sendNow(id);
    sendNow(id);
    JsonArray log =
        until(() -> {
          JsonArray l = log(id);
          return l.size() == 2 && l.stream().allMatch(d -> d.asJsonObject().getString("state").equals("failed"));
        }, () -> log(id));
    assertThat(log.getJsonObject(0).getString("outcome")).startsWith("failed after");
    assertThat(log.getJsonObject(0).getJsonArray("log").size()).isGreaterThan(1);
    JsonObject saved = ApiClient.json(api.get("/api/saved-exports/" + id, viewerA));
    assertThat(saved.getString("state")).isEqualTo("failing");
    assertThat(saved.getInt("failures")).isEqualTo(2);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndViewersOnlyRead() {
    String email = "{\"type\":\"email\",\"to\":[\"a@example.com\"]}";
    String daily = "{\"every\":\"daily\",\"at\":\"07:00\"}";
    String range = "{\"range\":\"yesterday\"}";
    assertProblem(body("x", "nonsense", range, "csv", daily, email), "report");
    assertProblem(body("x", "slots", "{\"range\":\"last_year\"}", "csv", daily, email), "range");
    assertProblem(body("x", "slots", "{\"range\":\"yesterday\",\"tz\":\"Mars/Base\"}", "csv", daily, email), "tz");
    assertProblem(body("x", "slots", "{\"range\":\"yesterday\",\"account_id\":\"2\"}", "csv", daily, email), "account_id");
    assertProblem(body("x", "slots", range, "xml", daily, email), "format");
    assertProblem(body("", "slots", range, "csv", daily, email), "label");
    assertProblem(body("x", "slots", range, "csv", "{\"every\":\"monthly\",\"day\":0,\"at\":\"07:00\"}", email), "schedule.day");
    assertProblem(body("x", "slots", range, "csv", "{\"every\":\"monthly\",\"day\":32,\"at\":\"07:00\"}", email), "schedule.day");
    assertProblem(body("x", "slots", range, "csv", "{\"every\":\"daily\",\"at\":\"25:00\"}", email), "schedule.at");
    assertProblem(body("x", "slots", range, "csv", "{\"every\":\"weekly\",\"at\":\"07:00\"}", email), "schedule.weekday");
    assertProblem(body("x", "slots", range, "csv", daily, "{\"type\":\"email\",\"to\":[\"not an address\"]}"), "destination.to");
    assertProblem(body("x", "slots", range, "csv", daily, "{\"type\":\"webhook\",\"url\":\"not a url\"}"), "destination.url");
    assertProblem(body("x", "slots", range, "csv", daily, "{\"type\":\"webhook\",\"url\":\"ftp://example.com/\"}"), "destination.url");
    assertProblem(body("x", "slots", range, "csv", daily, "{\"type\":\"pigeon\"}"), "destination.type");

    String valid = body("Viewer's try", "slots", range, "csv", daily, email);
    assertThat(api.post("/api/saved-exports", viewerA, JSON, valid).statusCode()).isEqualTo(403);
    long id = id(create(adminA, valid));
    assertThat(api.get("/api/saved-exports/" + id, viewerA).statusCode()).isEqualTo(200);
    assertThat(api.post("/api/saved-exports/" + id + "/send", viewerA, JSON, "").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/saved-exports/" + id, token(2, "viewer")).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/saved-exports/" + id + "/pause", adminA, JSON, "").statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(api.get("/api/saved-exports/" + id, adminA)).getString("state")).isEqualTo("paused");
    assertThat(api.delete("/api/saved-exports/" + id, adminA).statusCode()).isEqualTo(204);
    assertThat(api.get("/api/saved-exports/" + id, adminA).statusCode()).isEqualTo(404);
    assertThat(api.get("/openapi/", OPERATOR).body())
        .contains("/api/saved-exports/{id}/deliveries").contains("NewSavedExport");
  }

  // ---------------------------------------------------------------------------------- helpers

  private record Received(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A webhook receiver on 127.0.0.1 answering each POST with the status given. */
  private String receiver(List<Received> received, Supplier<Integer> status) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger n = new AtomicInteger();
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          synchronized (received) {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
          }
          byte[] answer = ("answer " + n.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
          int code = status.get();
          exchange.sendResponseHeaders(code, code == 204 ? -1 : answer.length);
          if (code != 204) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
    receivers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private void assertAttachedIsTheExport(JsonObject delivery, String to, String exportPath) throws Exception {
    MimeMessage mail = single(delivery.getString("deliveryId"));
    assertThat(recipients(mail)).contains(to);
    List<byte[]> files = attachments(mail);
    assertThat(files).hasSize(1);
    byte[] export = bytes(exportPath, adminA);
    assertThat(new String(files.get(0), StandardCharsets.UTF_8)).isEqualTo(new String(export, StandardCharsets.UTF_8));
    assertThat(files.get(0)).isEqualTo(export);
    JsonObject attempt = delivery.getJsonArray("log").getJsonObject(0);
    assertThat(attempt.getString("sha256")).isEqualTo(sha256(export));
    assertThat(attempt.getJsonNumber("bytes").longValue()).isEqualTo(export.length);
    assertThat(attempt.getInt("status")).isEqualTo(250);
    assertThat(attempt.getString("destination")).isEqualTo("email " + to);
  }

  private static MimeMessage single(String deliveryId) {
    List<MimeMessage> mails = TestMailbox.ofDelivery(deliveryId);
    assertThat(mails).as("mails of delivery " + deliveryId).hasSize(1);
    return mails.get(0);
  }

  private static String recipients(MimeMessage mail) {
    try {
      return String.join(",", mail.getHeader("To"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<byte[]> attachments(MimeMessage mail) throws Exception {
    List<byte[]> files = new ArrayList<>();
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (InputStream in = part.getInputStream()) {
          files.add(in.readAllBytes());
        }
      }
    }
    return files;
  }

  private static String text(MimeMessage mail) throws Exception {
    Multipart parts = (Multipart) mail.getContent();
    return String.valueOf(parts.getBodyPart(0).getContent());
  }

  private static String body(String label, String report, String criteria, String format, String schedule, String destination) {
    return "{\"label\":\"" + label + "\",\"report\":\"" + report + "\",\"criteria\":" + criteria
        + ",\"format\":\"" + format + "\",\"schedule\":" + schedule + ",\"destination\":" + destination + "}";
  }

  private JsonObject create(String token, String body) {
    HttpResponse<String> created = api.post("/api/saved-exports", token, JSON, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ApiClient.json(created);
  }

  private static long id(JsonObject created) {
    return created.getJsonObject("savedExport").getJsonNumber("id").longValue();
  }

  private void sendNow(long id) {
    HttpResponse<String> sent = api.post("/api/saved-exports/" + id + "/send", adminA, JSON, "");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
  }

  private void assertProblem(String body, String field) {
    HttpResponse<String> answer = api.post("/api/saved-exports", adminA, JSON, body);
    assertThat(answer.statusCode()).as(body + " -> " + answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(ApiClient.json(answer).getString("field")).as(answer.body()).isEqualTo(field);
  }

  private JsonArray log(long id) {
    HttpResponse<String> answer = api.get("/api/saved-exports/" + id + "/deliveries", viewerA);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return ApiClient.jsonArray(answer.body());
  }

  private long deliveredCount(long id) {
    return log(id).stream().filter(d -> d.asJsonObject().getString("state").equals("delivered")).count();
  }

  /** Polls until the condition holds (at most a minute), then answers {@code then}. */
  private static <T> T until(Supplier<Boolean> condition, Supplier<T> then) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.get()) {
      assertThat(Instant.now()).as("waited " + PATIENCE + "; now: " + then.get()).isBefore(deadline);
      Thread.sleep(250);
    }
    return then.get();
  }

  private void setClock(String instant) {
    HttpResponse<String> set = send(HttpRequest.newBuilder(api.uri("/api/operations/clock"))
        .header("Authorization", "Bearer " + OPERATOR).header("Content-Type", JSON)
        .PUT(HttpRequest.BodyPublishers.ofString("\"" + instant + "\"")));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private byte[] bytes(String path, String token) {
    try {
      HttpResponse<byte[]> answer = http.send(
          HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void insertDelivery(long savedExport, Instant period, String deliveryId, String state, Instant leaseUntil)
      throws Exception {
    String sql =
        "INSERT INTO exports_delivery (saved_export_id, period, manual, delivery_id, state, attempts, owner,"
            + " lease_until, next_attempt_at, give_up_at, created_at) VALUES (?, ?, FALSE, ?, ?, 1, ?, ?, ?, ?, ?)";
    try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement(sql)) {
      LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
      insert.setLong(1, savedExport);
      insert.setObject(2, LocalDateTime.ofInstant(period, ZoneOffset.UTC));
      insert.setString(3, deliveryId);
      insert.setString(4, state);
      insert.setString(5, leaseUntil == null ? null : "a-stopped-member");
      insert.setObject(6, leaseUntil == null ? null : LocalDateTime.ofInstant(leaseUntil, ZoneOffset.UTC));
      insert.setObject(7, now);
      insert.setObject(8, now.plusHours(1));
      insert.setObject(9, now);
      insert.executeUpdate();
    }
  }

  private String token(long account, String role) {
    HttpResponse<String> issued = api.post("/api/admin/accounts/" + account + "/tokens", OPERATOR, JSON,
        "{\"label\":\"deliveries-it " + role + "\",\"role\":\"" + role + "\"}");
    assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
    return ApiClient.json(issued).getString("token");
  }

  private static String hmac(String secret, String prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DeliveriesIT.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
