package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.campaigns.platform.SecretToken;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Public links over HTTP, against the WAR as built: an admin creates a link through the API and
 * anyone uses it without credentials; the stored criteria are the only ones; revocation, expiry,
 * rotation and tenancy; the token stored only as a hash; rate limits and the access log.
 *
 * <p>Its own accounts (7101 and 7102) with a little traffic on 2026-03-01, so that other container
 * tests' data never shows. The limits are lowered by {@link TestDatabase} (4 requests per token, 12
 * per address) and the test client is a trusted proxy: each public request names a client address
 * of its own in {@code X-Forwarded-For}, so tests do not share an address's allowance.
 */
@PlatformTest
@RunAsClient
class PublicLinksIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";
  private static final long ACCOUNT_A = 7101;
  private static final long ACCOUNT_B = 7102;
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** The link's traffic: campaign 710101 of A on March 1st, nothing else. */
  private static final String FIXED_TRAFFIC =
      "{\"report\":\"traffic\",\"label\":\"March 1st, campaign 710101\",\"criteria\":"
          + "{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\",\"chatcampaign_id\":[710101]}}";

  private static String adminA;
  private static String adminB;
  private static String viewerA;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private ApiClient api;

  @BeforeEach
  void arrange() {
    api = new ApiClient(base);
    synchronized (PublicLinksIT.class) {
      if (adminA == null) {
        JsonObject answer = ApiClient.json(api.post("/api/events", OPERATOR, "application/x-ndjson", events()));
        assertThat(answer.getInt("accepted") + answer.getInt("duplicates")).isEqualTo(12);
        adminA = token(ACCOUNT_A, "admin");
        adminB = token(ACCOUNT_B, "admin");
        viewerA = token(ACCOUNT_A, "viewer");
      }
    }
  }

  @Test
  void anAdminCreatesALinkThatAnyoneUsesWithoutCredentials() {
    HttpResponse<String> created = api.post("/api/public-links", adminA, JSON, FIXED_TRAFFIC);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject issued = ApiClient.json(created);
    assertThat(issued.getString("url")).startsWith("http://localhost:8080/public/reports/c24p_");
    assertThat(issued.getString("jsonUrl")).isEqualTo(issued.getString("url") + ".json");
    JsonObject link = issued.getJsonObject("link");
    assertThat(link.getJsonNumber("accountId").longValue()).isEqualTo(ACCOUNT_A);
    assertThat(link.getString("state")).isEqualTo("active");
    assertThat(link.getString("createdBy")).startsWith("token:");

    HttpResponse<String> csv = open(path(issued), newAddress());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("traffic_2026-03-01_2026-03-01.csv"));
    assertPrivate(csv);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("chatcampaign_id,hour_begin_time,entrypoint_id");
    assertThat(lines.get(1)).startsWith("710101,2026-03-01 10:00:00,71010101,A1 button,1,");

    HttpResponse<String> json = open(path(issued) + ".json", newAddress());
    assertThat(json.statusCode()).isEqualTo(200);
    assertPrivate(json);
    JsonArray rows = Json.createReader(new StringReader(json.body())).readArray();
    assertThat(rows).hasSize(1);
    assertThat(rows.getJsonObject(0).getString("chatcampaign_id")).isEqualTo("710101");
  }

  @Test
  void queryParametersCannotChangeOrWidenTheStoredCriteria() {
    JsonObject issued = create(adminA, FIXED_TRAFFIC);
    String address = newAddress();
    HttpResponse<String> plain = open(path(issued), address);
    HttpResponse<String> widened =
        open(
            path(issued)
                + "?account_id=7102&chatcampaign_id=710102&chatcampaign_id=710201"
                + "&from=2026-01-01&to=2026-12-31&range=this_month&tz=Asia/Tokyo&delimiter=semicolon",
            address);
    assertThat(widened.statusCode()).isEqualTo(200);
    assertThat(widened.body()).isEqualTo(plain.body());
    assertThat(widened.body()).doesNotContain("710102").doesNotContain("710201");
  }

  @Test
  void aRelativeRangeResolvesAgainstNowAtEachAccess() {
    JsonObject issued =
        create(adminA, "{\"report\":\"conversations\",\"criteria\":{\"range\":\"last_7_days\"}}");
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    HttpResponse<String> answer = open(path(issued), newAddress());
    LocalDate after = LocalDate.now(ZoneOffset.UTC);
    assertThat(answer.statusCode()).isEqualTo(200);
    // The file is named after the range as resolved: the 7 days before today, in UTC.
    assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
        .containsAnyOf(
            // The last day included: the day before today.
            "conversations_" + before.minusDays(7) + "_" + before.minusDays(1) + ".csv",
            "conversations_" + after.minusDays(7) + "_" + after.minusDays(1) + ".csv");
  }

  @Test
  void anExpiredLinkAnswersLikeAnUnknownOne() throws InterruptedException {
    Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    JsonObject issued =
        create(adminA, "{\"report\":\"hosts\",\"expiresAt\":\"" + expiry + "\"}");
    String address = newAddress();
    assertThat(open(path(issued), address).statusCode()).isEqualTo(200);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 500);
    assertSameAsUnknown(open(path(issued), address));
    JsonObject link = ApiClient.json(api.get("/api/public-links/" + id(issued), adminA));
    assertThat(link.getString("state")).isEqualTo("expired");

    HttpResponse<String> past =
        api.post("/api/public-links", adminA, JSON, "{\"report\":\"hosts\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
    assertProblem(past, 400, "expiresAt");
  }

  @Test
  void aRevokedLinkIsDeadAtOnce() {
    JsonObject issued = create(adminA, "{\"report\":\"hosts\"}");
    String address = newAddress();
    assertThat(open(path(issued), address).statusCode()).isEqualTo(200);
    assertThat(api.delete("/api/public-links/" + id(issued), adminA).statusCode()).isEqualTo(204);
    assertSameAsUnknown(open(path(issued), address));
    assertThat(ApiClient.json(api.get("/api/public-links/" + id(issued), adminA)).getString("state"))
        .isEqualTo("revoked");
  }

  @Test
  void revokeAllRevokesEveryLinkOfTheAccountOnly() {
    JsonObject a1 = create(adminA, "{\"report\":\"hosts\"}");
    JsonObject a2 = create(adminA, "{\"report\":\"agents\"}");
    JsonObject b1 = create(adminB, "{\"report\":\"hosts\"}");

    HttpResponse<String> revoked = api.delete("/api/public-links", adminA);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(revoked).getInt("revoked")).isGreaterThanOrEqualTo(2);
    String address = newAddress();
    assertSameAsUnknown(open(path(a1), address));
    assertSameAsUnknown(open(path(a2), address));
    assertThat(open(path(b1), address).statusCode()).isEqualTo(200);
    JsonArray listed = Json.createReader(new StringReader(api.get("/api/public-links", adminA).body())).readArray();
    assertThat(listed).isNotEmpty();
    assertThat(listed.getValuesAs(JsonObject.class)).allSatisfy(l -> assertThat(l.getString("state")).isEqualTo("revoked"));
  }

  @Test
  void rotationGivesANewUrlAndKillsTheOldOne() {
    JsonObject first = create(adminA, FIXED_TRAFFIC);
    String address = newAddress();
    HttpResponse<String> before = open(path(first), address);
    assertThat(before.statusCode()).isEqualTo(200);

    HttpResponse<String> rotated = api.post("/api/public-links/" + id(first) + "/rotate", adminA, JSON, "");
    assertThat(rotated.statusCode()).isEqualTo(200);
    JsonObject second = ApiClient.json(rotated);
    assertThat(second.getString("url")).isNotEqualTo(first.getString("url"));
    assertThat(id(second)).isEqualTo(id(first));
    assertThat(second.getJsonObject("link").getJsonObject("criteria"))
        .isEqualTo(first.getJsonObject("link").getJsonObject("criteria"));
    assertThat(second.getJsonObject("link").containsKey("rotatedAt")).isTrue();

    assertSameAsUnknown(open(path(first), address));
    HttpResponse<String> after = open(path(second), address);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before.body());
  }

  @Test
  void anotherAccountsAdminCannotListRevokeOrRotateTheLink() {
    JsonObject issued = create(adminA, "{\"report\":\"hosts\"}");
    long id = id(issued);

    JsonArray seenByB = Json.createReader(new StringReader(api.get("/api/public-links", adminB).body())).readArray();
    assertThat(seenByB.getValuesAs(JsonObject.class))
        .allSatisfy(l -> assertThat(l.getJsonNumber("accountId").longValue()).isEqualTo(ACCOUNT_B));
    assertThat(api.get("/api/public-links/" + id, adminB).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/public-links/" + id + "/accesses", adminB).statusCode()).isEqualTo(404);
    assertThat(api.delete("/api/public-links/" + id, adminB).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/public-links/" + id + "/rotate", adminB, JSON, "").statusCode()).isEqualTo(404);
    assertProblem(api.get("/api/public-links?accountId=" + ACCOUNT_A, adminB), 403, null);
    assertProblem(api.delete("/api/public-links?accountId=" + ACCOUNT_A, adminB), 403, null);

    // A viewer manages nothing, even in its own account.
    assertProblem(api.get("/api/public-links", viewerA), 403, null);
    assertProblem(api.post("/api/public-links", viewerA, JSON, "{\"report\":\"hosts\"}"), 403, null);
    assertProblem(api.delete("/api/public-links/" + id, viewerA), 403, null);

    // The link survived all that.
    assertThat(open(path(issued), newAddress()).statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(api.get("/api/public-links/" + id, adminA)).getString("state")).isEqualTo("active");
  }

  @Test
  void anOperatorListsAndRevokesAcrossAccountsButCreatesNone() {
    JsonObject issued = create(adminB, "{\"report\":\"hosts\"}");
    JsonArray all = Json.createReader(new StringReader(api.get("/api/public-links?accountId=" + ACCOUNT_B, OPERATOR).body())).readArray();
    assertThat(all.getValuesAs(JsonObject.class)).anySatisfy(l -> assertThat(l.getJsonNumber("id").longValue()).isEqualTo(id(issued)));
    assertThat(api.delete("/api/public-links/" + id(issued), OPERATOR).statusCode()).isEqualTo(204);
    assertSameAsUnknown(open(path(issued), newAddress()));
    assertProblem(api.post("/api/public-links", OPERATOR, JSON, "{\"report\":\"hosts\"}"), 403, null);
    assertProblem(api.delete("/api/public-links", OPERATOR), 400, "accountId");
  }

  @Test
  void badCriteriaGetAProblemNamingTheParameter() {
    assertProblem(api.post("/api/public-links", adminA, JSON, "{\"report\":\"conversations\",\"criteria\":{\"range\":\"forever\"}}"), 400, "range");
    assertProblem(api.post("/api/public-links", adminA, JSON, "{\"report\":\"conversations\",\"criteria\":{\"range\":\"today\",\"account_id\":7102}}"), 400, "account_id");
    assertProblem(api.post("/api/public-links", adminA, JSON, "{\"report\":\"payroll\"}"), 400, "report");
    assertProblem(api.post("/api/public-links", adminA, JSON, "not json"), 400, "body");
  }

  @Test
  void theDatabaseKeepsOnlyTheTokensHash() throws Exception {
    JsonObject issued = create(adminA, FIXED_TRAFFIC);
    String token = path(issued).substring("/public/reports/".length());
    try (Connection db = TestDatabase.connect();
        PreparedStatement q = db.prepareStatement("SELECT * FROM exports_public_link WHERE id = ?")) {
      q.setLong(1, id(issued));
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("token_hash")).isEqualTo(new SecretToken(token).hash());
        ResultSetMetaData columns = row.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          assertThat(String.valueOf(row.getObject(i))).as(columns.getColumnName(i)).doesNotContain(token.substring(5));
        }
      }
    }
    // Nor does any answer but the creation's show it again.
    assertThat(api.get("/api/public-links", adminA).body()).doesNotContain(token);
    assertThat(api.get("/api/public-links/" + id(issued), adminA).body()).doesNotContain(token);
  }

  @Test
  void aTokenIsLimitedAndSoIsAnAddress() {
    JsonObject issued = create(adminA, "{\"report\":\"hosts\"}");
    for (int i = 0; i < TestDatabase.PUBLIC_LINK_LIMIT_PER_TOKEN; i++) {
      assertThat(open(path(issued), newAddress()).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = open(path(issued), newAddress());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    assertPrivate(limited);

    JsonObject other = create(adminA, "{\"report\":\"hosts\"}");
    String guesser = newAddress();
    for (int i = 0; i < TestDatabase.PUBLIC_LINK_LIMIT_PER_ADDRESS; i++) {
      assertThat(open("/public/reports/c24p_" + "x".repeat(28) + String.format("%04d", i), guesser).statusCode()).isEqualTo(404);
    }
    // Even a valid link is refused to that address now; another address gets it.
    assertThat(open(path(other), guesser).statusCode()).isEqualTo(429);
    assertThat(open(path(other), newAddress()).statusCode()).isEqualTo(200);
  }

  @Test
  void everyAccessIsLoggedAndCounted() {
    JsonObject issued = create(adminA, "{\"report\":\"hosts\"}");
    String address = newAddress();
    assertThat(open(path(issued), address).statusCode()).isEqualTo(200);
    assertThat(open(path(issued) + ".json", address).statusCode()).isEqualTo(200);
    api.delete("/api/public-links/" + id(issued), adminA);
    assertThat(open(path(issued), address).statusCode()).isEqualTo(404);

    // A refusal's row is written after its answer (decision 22): wait for it a little.
    JsonArray log = accesses(id(issued));
    for (int i = 0; i < 50 && log.size() < 3; i++) {
      sleep(100);
      log = accesses(id(issued));
    }
    assertThat(log.getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("outcome"))
        .containsExactly("revoked", "served", "served");
    assertThat(log.getValuesAs(JsonObject.class))
        .allSatisfy(a -> assertThat(a.getString("clientAddress")).isEqualTo(address))
        .allSatisfy(a -> assertThat(a.getString("at")).isNotEmpty());
    JsonObject link = ApiClient.json(api.get("/api/public-links/" + id(issued), adminA));
    assertThat(link.getInt("useCount")).isEqualTo(2);
    assertThat(link.containsKey("lastUsedAt")).isTrue();
    assertThat(link.getString("label", "")).isEmpty();
  }

  @Test
  void theApiIsInTheOpenApiDocument() {
    // Payara serves it inside the application, so web.xml's console constraint applies to it.
    assertThat(api.signIn("operator", TestDatabase.OPERATOR_PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> document = api.get("/openapi/", null);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("public-links").contains("public-links/{id}/rotate");
  }

  // --- helpers

  private JsonArray accesses(long id) {
    return Json.createReader(new StringReader(api.get("/api/public-links/" + id + "/accesses", adminA).body())).readArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private JsonObject create(String token, String body) {
    HttpResponse<String> created = api.post("/api/public-links", token, JSON, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ApiClient.json(created);
  }

  private static long id(JsonObject issued) {
    return issued.getJsonNumber("id").longValue();
  }

  /** The link's path on this deployment (the URL names the configured public base). */
  private static String path(JsonObject issued) {
    return URI.create(issued.getString("url")).getPath();
  }

  private static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
  }

  /** A request without any credentials, from the given client address (via the trusted proxy). */
  private HttpResponse<String> open(String pathAndQuery, String clientAddress) {
    HttpRequest request =
        HttpRequest.newBuilder(api.uri(pathAndQuery))
            .header("X-Forwarded-For", clientAddress)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void assertSameAsUnknown(HttpResponse<String> dead) {
    // A fresh one each time: an unknown token has its own allowance too.
    HttpResponse<String> unknown =
        open("/public/reports/" + SecretToken.generate("c24p_").value(), newAddress());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(dead.statusCode()).isEqualTo(404);
    assertThat(dead.body()).isEqualTo(unknown.body());
    assertThat(dead.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
    assertPrivate(dead);
  }

  private static void assertPrivate(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("X-Robots-Tag")).contains("noindex");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    if (field != null) {
      assertThat(ApiClient.json(response).getString("field")).isEqualTo(field);
    }
  }

  private String token(long account, String role) {
    JsonObject issued =
        ApiClient.json(
            api.post(
                "/api/admin/accounts/" + account + "/tokens",
                OPERATOR,
                JSON,
                "{\"label\":\"links " + role + "\",\"role\":\"" + role + "\"}"));
    return issued.getString("token");
  }

  /** Two accounts; A owns campaigns 710101 and 710102, B owns 710201; one view on each. */
  private static String events() {
    StringBuilder log = new StringBuilder();
    log.append(event("it-links-acc-a", "account.updated", "2026-02-01T00:00:00Z", "{\"account_id\":7101,\"name\":\"Links A\"}"));
    log.append(event("it-links-acc-b", "account.updated", "2026-02-01T00:00:00Z", "{\"account_id\":7102,\"name\":\"Links B\"}"));
    log.append(event("it-links-cmp-1", "campaign.updated", "2026-02-01T00:00:01Z", "{\"chatcampaign_id\":710101,\"account_id\":7101,\"name\":\"A one\"}"));
    log.append(event("it-links-cmp-2", "campaign.updated", "2026-02-01T00:00:01Z", "{\"chatcampaign_id\":710102,\"account_id\":7101,\"name\":\"A two\"}"));
    log.append(event("it-links-cmp-3", "campaign.updated", "2026-02-01T00:00:01Z", "{\"chatcampaign_id\":710201,\"account_id\":7102,\"name\":\"B one\"}"));
    log.append(event("it-links-ep-1", "entrypoint.updated", "2026-02-01T00:00:02Z", "{\"entrypoint_id\":71010101,\"chatcampaign_id\":710101,\"name\":\"A1 button\",\"type\":\"button\"}"));
    log.append(event("it-links-ep-2", "entrypoint.updated", "2026-02-01T00:00:02Z", "{\"entrypoint_id\":71010201,\"chatcampaign_id\":710102,\"name\":\"A2 button\",\"type\":\"button\"}"));
    log.append(event("it-links-ep-3", "entrypoint.updated", "2026-02-01T00:00:02Z", "{\"entrypoint_id\":71020101,\"chatcampaign_id\":710201,\"name\":\"B1 button\",\"type\":\"button\"}"));
    log.append(view("it-links-pv-1", "2026-03-01T10:15:00Z", 710101, 71010101));
    log.append(view("it-links-pv-2", "2026-03-01T10:16:00Z", 710102, 71010201));
    log.append(view("it-links-pv-3", "2026-03-01T10:17:00Z", 710201, 71020101));
    log.append(view("it-links-pv-4", "2026-03-05T10:15:00Z", 710101, 71010101));
    return log.toString();
  }

  private static String view(String id, String at, long campaign, long entryPoint) {
    return event(id, "page.viewed", at,
        "{\"chatcampaign_id\":" + campaign + ",\"visitor_id\":\"v-" + id + "\",\"entrypoint_ids\":[" + entryPoint + "]}");
  }

  private static String event(String id, String type, String at, String data) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"data\":" + data + "}\n";
  }
}
