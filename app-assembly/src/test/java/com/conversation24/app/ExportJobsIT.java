package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export jobs (issue 18) as a client sees them: a job over the worked example polled until done,
 * its file byte for byte the streaming export of the same criteria with the manifest's SHA-256,
 * a download cut at a random byte and resumed with Range, tenancy, the per-account limit, field
 * problems exactly as the export API's, and jobs a stopped member left running started again or
 * failed with the reason.
 */
@PlatformTest
@RunAsClient
class ExportJobsIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";
  private static final String NDJSON = "application/x-ndjson";
  private static final String CRITERIA =
      "{\"from\":\"2026-10-23\",\"to\":\"2026-10-28\",\"tz\":\"Europe/Amsterdam\"}";
  private static final String QUERY = "from=2026-10-23&to=2026-10-28&tz=Europe/Amsterdam";

  private static String adminA;
  private static String viewerA;
  private static String adminB;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private ApiClient api;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void onlyTheWorkedExampleIsStored() throws Exception {
    api = new ApiClient(base);
    TestDatabase.forgetEvents();
    JsonObject answer =
        ApiClient.json(api.post("/api/events", OPERATOR, NDJSON, resource("events.ndjson")));
    assertThat(answer.getInt("accepted")).isEqualTo(3932);
    synchronized (ExportJobsIT.class) {
      if (adminA == null) {
        adminA = token(1, "admin");
        viewerA = token(1, "viewer");
        adminB = token(2, "admin");
      }
    }
  }

  @Test
  void aJobsFileIsTheStreamingExportAndResumesAfterACut() throws Exception {
    HttpResponse<String> created = create(adminA, "conversations", CRITERIA, "csv");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonObject job = ApiClient.json(created);
    String self = "/api/export-jobs/" + job.getJsonNumber("id").longValue();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(self));
    assertThat(job.getString("state")).isIn("queued", "running", "done");
    assertThat(job.getJsonObject("links").getString("self")).endsWith(self);

    JsonObject done = untilFinished(self, adminA);
    assertThat(done.getString("state")).as(done.toString()).isEqualTo("done");
    JsonObject manifest = done.getJsonObject("manifest");

    byte[] streamed = bytes("/api/exports/conversations?" + QUERY, adminA, null).body();
    HttpResponse<byte[]> file = bytes(self + "/file", adminA, null);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(streamed);
    String sha = sha256(file.body());
    assertThat(manifest.getString("sha256")).isEqualTo(sha);
    assertThat(manifest.getJsonNumber("bytes").longValue()).isEqualTo(file.body().length);
    long rows = csvRows(new String(file.body(), StandardCharsets.UTF_8));
    assertThat(manifest.getJsonNumber("rows").longValue()).isEqualTo(rows).isPositive();
    assertThat(done.getJsonObject("progress").getJsonNumber("rows").longValue()).isEqualTo(rows);
    assertThat(file.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(file.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(file.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"conversations_2026-10-23_2026-10-27.csv\"");

    int catalogue = ApiClient.json(api.get("/api/exports", adminA)).getInt("version");
    assertThat(manifest.getInt("catalogueVersion")).isEqualTo(catalogue);
    JsonObject criteria = manifest.getJsonObject("criteria");
    // Amsterdam is at UTC+2 until 25 October 2026, then at UTC+1.
    assertThat(criteria.getString("from")).isEqualTo("2026-10-22T22:00:00Z");
    assertThat(criteria.getString("to")).isEqualTo("2026-10-27T23:00:00Z");
    assertThat(criteria.getString("tz")).isEqualTo("Europe/Amsterdam");
    assertThat(criteria.getJsonArray("accountIds").getJsonNumber(0).longValue()).isEqualTo(1);
    JsonObject ingestion = manifest.getJsonObject("ingestion");
    assertThat(ingestion.getJsonNumber("eventLogSeq").longValue()).isEqualTo(highestSeq());
    assertThat(Instant.parse(ingestion.getString("lastReceivedAt"))).isBefore(Instant.now().plusSeconds(1));
    assertThat(Instant.parse(ingestion.getString("takenAt"))).isAfterOrEqualTo(Instant.parse(ingestion.getString("lastReceivedAt")));

    // A download cut at a random byte, resumed from there with Range (and If-Range).
    int size = file.body().length;
    int cut = 1 + new Random().nextInt(size - 1);
    byte[] head = cutAt(self + "/file", adminA, cut);
    HttpResponse<byte[]> rest =
        send(request(self + "/file", adminA).header("Range", "bytes=" + cut + "-").header("If-Range", "\"" + sha + "\""));
    assertThat(rest.statusCode()).isEqualTo(206);
    assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes " + cut + "-" + (size - 1) + "/" + size);
    ByteArrayOutputStream resumed = new ByteArrayOutputStream();
    resumed.writeBytes(head);
    resumed.writeBytes(rest.body());
    assertThat(sha256(resumed.toByteArray())).isEqualTo(manifest.getString("sha256"));

    HttpResponse<byte[]> middle = send(request(self + "/file", adminA).header("Range", "bytes=10-19"));
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(streamed, 10, 20));
    HttpResponse<byte[]> past = send(request(self + "/file", adminA).header("Range", "bytes=" + size + "-"));
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
    HttpResponse<byte[]> otherFile =
        send(request(self + "/file", adminA).header("Range", "bytes=10-19").header("If-Range", "\"0000\""));
    assertThat(otherFile.statusCode()).as("a range of another file: the whole one").isEqualTo(200);
    assertThat(otherFile.body()).isEqualTo(streamed);
  }

  @Test
  void anNdjsonJobIsTheStreamingNdjsonExport() throws Exception {
    HttpResponse<String> created = create(viewerA, "agent-activity", CRITERIA, "ndjson");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String self = "/api/export-jobs/" + ApiClient.json(created).getJsonNumber("id").longValue();
    JsonObject done = untilFinished(self, viewerA);
    assertThat(done.getString("state")).as(done.toString()).isEqualTo("done");

    HttpResponse<byte[]> file = bytes(self + "/file", viewerA, null);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
    assertThat(file.body()).isEqualTo(bytes("/api/exports/agent-activity?" + QUERY, viewerA, NDJSON).body());
    assertThat(done.getJsonObject("manifest").getString("sha256")).isEqualTo(sha256(file.body()));
  }

  @Test
  void anotherAccountsJobIsNotFoundAndAnOperatorSeesEvery() throws Exception {
    HttpResponse<String> created = create(adminA, "slots", CRITERIA, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String self = "/api/export-jobs/" + ApiClient.json(created).getJsonNumber("id").longValue();
    untilFinished(self, adminA);

    HttpResponse<String> foreign = api.get(self, adminB);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(bytes(self + "/file", adminB, null).statusCode()).isEqualTo(404);
    assertThat(api.get(self, OPERATOR).statusCode()).isEqualTo(200);
    assertThat(bytes(self + "/file", OPERATOR, null).statusCode()).isEqualTo(200);
    assertThat(api.get(self, null).statusCode()).isEqualTo(401);

    HttpResponse<String> foreignAccount =
        create(adminB, "slots", "{\"range\":\"yesterday\",\"account_id\":\"1\"}", null);
    assertThat(foreignAccount.statusCode()).isEqualTo(403);
  }

  @Test
  void badCriteriaAreTheExportApisProblemsNamingTheField() {
    assertSameProblem("{\"from\":\"2026-13-01\",\"to\":\"2026-10-28\"}", "from=2026-13-01&to=2026-10-28", "from");
    assertSameProblem("{\"from\":\"2026-10-23\",\"to\":\"2026-10-28\",\"tz\":\"Mars/Base\"}", "from=2026-10-23&to=2026-10-28&tz=Mars/Base", "tz");
    assertSameProblem("{\"range\":\"last_year\"}", "range=last_year", "range");
    assertSameProblem("{\"range\":\"today\",\"delimiter\":\"tab\"}", "range=today&delimiter=tab", "delimiter");
    assertSameProblem("{\"range\":\"today\",\"chatcampaign_id\":[\"1\",\"x\"]}", "range=today&chatcampaign_id=1&chatcampaign_id=x", "chatcampaign_id");
    assertProblem(create(adminA, "nonsense", CRITERIA, null), "report");
    assertProblem(create(adminA, "conversations", CRITERIA, "xml"), "format");
    assertProblem(api.post("/api/export-jobs", adminA, JSON, "[1]"), "body");
    assertProblem(api.post("/api/export-jobs", adminA, JSON, "{\"report\":\"slots\",\"criteria\":5}"), "criteria");
  }

  @Test
  void theJobOverTheAccountsLimitIsTooManyRequests() throws Exception {
    // Two unfinished jobs of account 2: one another member is running, one waiting for a member.
    long running = insertJob(2, "RUNNING", 1, Instant.now().plusSeconds(3600));
    long second = insertJob(2, "RUNNING", 1, Instant.now().plusSeconds(3600));
    try {
      HttpResponse<String> refused = create(adminB, "conversations", CRITERIA, null);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(create(adminA, "conversations", CRITERIA, null).statusCode()).as("another account").isEqualTo(202);
    } finally {
      deleteJob(running);
      deleteJob(second);
    }
    HttpResponse<String> admitted = create(adminB, "conversations", CRITERIA, null);
    assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(202);
  }

  @Test
  void aJobAStoppedMemberLeftRunningIsStartedAgainOrFailedWithTheReason() throws Exception {
    Instant lapsed = Instant.now().minusSeconds(5);
    long resumed = insertJob(1, "RUNNING", 1, lapsed);
    long givenUp = insertJob(1, "RUNNING", 3, lapsed);

    JsonObject again = untilFinished("/api/export-jobs/" + resumed, adminA);
    assertThat(again.getString("state")).as(again.toString()).isEqualTo("done");
    byte[] file = bytes("/api/export-jobs/" + resumed + "/file", adminA, null).body();
    assertThat(file).isEqualTo(bytes("/api/exports/conversations?from=2026-10-23&to=2026-10-28", adminA, null).body());
    assertThat(again.getJsonObject("manifest").getString("sha256")).isEqualTo(sha256(file));

    JsonObject failed = untilFinished("/api/export-jobs/" + givenUp, adminA);
    assertThat(failed.getString("state")).isEqualTo("failed");
    assertThat(failed.getString("reason")).contains("stopped 3 times");
    HttpResponse<byte[]> noFile = bytes("/api/export-jobs/" + givenUp + "/file", adminA, null);
    assertThat(noFile.statusCode()).isEqualTo(409);
  }

  @Test
  void theJobsAreInTheOpenApiDocument() {
    HttpResponse<String> document = api.get("/openapi/", OPERATOR);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains("/api/export-jobs/{id}/file")
        .contains("/api/export-jobs/{id}")
        .contains("NewExportJob")
        .contains("Range");
  }

  // ---------------------------------------------------------------------------------- helpers

  private void assertSameProblem(String criteria, String query, String field) {
    JsonObject job = assertProblem(create(adminA, "conversations", criteria, null), field);
    JsonObject export = assertProblem(api.get("/api/exports/conversations?" + query, adminA), field);
    assertThat(job.getString("detail")).isEqualTo(export.getString("detail"));
  }

  private static JsonObject assertProblem(HttpResponse<String> answer, String field) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonObject problem = ApiClient.json(answer);
    assertThat(problem.getString("field")).as(answer.body()).isEqualTo(field);
    return problem;
  }

  private HttpResponse<String> create(String token, String report, String criteria, String format) {
    String body =
        "{\"report\":\"" + report + "\",\"criteria\":" + criteria
            + (format == null ? "" : ",\"format\":\"" + format + "\"") + "}";
    return api.post("/api/export-jobs", token, JSON, body);
  }

  private JsonObject untilFinished(String self, String token) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (true) {
      HttpResponse<String> answer = api.get(self, token);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonObject job = ApiClient.json(answer);
      String state = job.getString("state");
      if (state.equals("done") || state.equals("failed")) {
        return job;
      }
      assertThat(Instant.now()).as("job still " + state + ": " + job).isBefore(deadline);
      Thread.sleep(250);
    }
  }

  /** The first {@code cut} bytes of a download whose connection is then dropped. */
  private byte[] cutAt(String path, String token, int cut) throws IOException {
    HttpResponse<InputStream> answer;
    try {
      answer = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    try (InputStream in = answer.body()) {
      return in.readNBytes(cut);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(api.uri(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<byte[]> bytes(String path, String token, String accept) {
    HttpRequest.Builder request = request(path, token);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A job as a member left it: running under a lease until {@code leaseUntil}, of UTC criteria. */
  private static long insertJob(long account, String state, int attempt, Instant leaseUntil) throws Exception {
    String sql =
        "INSERT INTO exports_export_job (account_id, operator, report, format, criteria, file_name,"
            + " state, attempt, owner, lease_until, created_at, started_at)"
            + " VALUES (?, FALSE, 'conversations', 'csv', ?, 'conversations_2026-10-23_2026-10-28.csv',"
            + " ?, ?, 'a-stopped-member', ?, ?, ?)";
    try (Connection db = TestDatabase.connect();
        PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
      insert.setLong(1, account);
      insert.setString(
          2,
          "{\"from\":[\"2026-10-23T00:00:00Z\"],\"to\":[\"2026-10-28T00:00:00Z\"],\"tz\":[\"UTC\"],"
              + "\"account_id\":[\"" + account + "\"],\"delimiter\":[\"comma\"],\"bom\":[\"false\"]}");
      insert.setString(3, state);
      insert.setInt(4, attempt);
      insert.setObject(5, LocalDateTime.ofInstant(leaseUntil, ZoneOffset.UTC));
      insert.setObject(6, now);
      insert.setObject(7, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void deleteJob(long id) throws Exception {
    try (Connection db = TestDatabase.connect();
        Statement delete = db.createStatement()) {
      delete.executeUpdate("DELETE FROM exports_export_job WHERE id = " + id);
    }
  }

  private static long highestSeq() throws Exception {
    try (Connection db = TestDatabase.connect();
        Statement query = db.createStatement();
        ResultSet max = query.executeQuery("SELECT MAX(seq) FROM campaigns_event_log")) {
      max.next();
      return max.getLong(1);
    }
  }

  private String token(long account, String role) {
    HttpResponse<String> issued =
        api.post(
            "/api/admin/accounts/" + account + "/tokens",
            OPERATOR,
            JSON,
            "{\"label\":\"export-jobs-it " + role + "\",\"role\":\"" + role + "\"}");
    assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
    return ApiClient.json(issued).getString("token");
  }

  /** Records after the header, read by an RFC 4180 parser (texts hold line breaks). */
  private static long csvRows(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
      return parser.getRecords().size() - 1;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ExportJobsIT.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
