package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.fuzz.Fuzz;
import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's findings, each as a client meets it over HTTP against the WAR as built: hostile event
 * lines, a fuzz of mutated events among valid ones, the users and tokens API's bad bodies, content
 * types, a stalled upload, sign-in guessing, cross-site requests, the container's own error
 * answers, public links' rotation and log, and a database outage.
 *
 * <p>Its own accounts (9101 to 9109) and addresses (198.51.100.x in {@code X-Forwarded-For}: the
 * test client is a trusted proxy, see {@link TestDatabase}); its events are of 2019 with ids above
 * 900,000,000, so that no other test's rows change.
 */
@PlatformTest
@RunAsClient
class HardeningIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";
  private static final String NDJSON = "application/x-ndjson";
  private static final String AT = "2019-05-01T10:00:00Z";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static String account(String id, long accountId) {
    return "{\"id\":\"" + id + "\",\"type\":\"account.updated\",\"at\":\"" + AT
        + "\",\"data\":{\"account_id\":" + accountId + ",\"name\":\"Hardening\"}}";
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(new ApiClient(base).uri(path));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(ApiClient.json(response).getInt("status")).isEqualTo(status);
  }

  private static String newAddress() {
    return "198.51.100." + (1 + ADDRESSES.incrementAndGet());
  }

  private static long stored(String idPrefix) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement q =
            db.prepareStatement("SELECT COUNT(*) FROM campaigns_event_log WHERE event_id LIKE ?")) {
      q.setString(1, idPrefix + "%");
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  // --- 1, 2, 9, 12: hostile lines

  @Test
  void aPoisonLineIsOneRejectedLineNamingItsFieldAndTheRestOfTheBatchIsStored() throws Exception {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    String body =
        String.join(
            "\n",
            account("hard-1-a", 900_000_101),
            "{\"id\":\"hard-1-b\",\"type\":\"account.updated\",\"at\":\"" + AT
                + "\",\"data\":{\"account_id\":900000101,\"name\":\"x\",\"x\":" + deep + "}}",
            "{\"id\":\"hard-1-c\",\"type\":\"conversation.goal_reached\",\"at\":\"" + AT
                + "\",\"data\":{\"session_id\":\"hard-s\",\"goal\":\"g\",\"value\":1." + "0".repeat(100_000) + "}}",
            account("hard-1-d", 900_000_102),
            "{\"id\":\"hard-1-e\",\"type\":\"account.updated\",\"at\":\"" + AT
                + "\",\"data\":{\"account_id\":900000103,\"name\":\"x\",\"note\":\"\\ud800\"}}",
            account("x".repeat(10_000_000), 900_000_104));

    HttpResponse<String> answer = new ApiClient(base).post("/api/events", OPERATOR, NDJSON, body);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject json = ApiClient.json(answer);
    assertThat(json.getInt("accepted")).isEqualTo(2);
    var rejected = json.getJsonArray("rejected").getValuesAs(JsonObject.class);
    assertThat(rejected)
        .extracting(r -> r.getInt("line") + " " + r.getString("field"))
        .containsExactly("2 x", "3 value", "5 note", "6 id");
    assertThat(rejected.get(0).getString("id")).isEqualTo("hard-1-b");
    assertThat(rejected.get(3).getString("id", null)).as("a 10 MB id is not echoed").isNull();
    assertThat(answer.body().length()).isLessThan(10_000);
    assertThat(stored("hard-1-")).isEqualTo(2);
  }

  @Test
  void mutatedEventsAmongValidOnesGetTheirOwnAnswerEachAndNever5xx() throws Exception {
    String prefix = "hard-fz" + System.nanoTime();
    Fuzz.Figures figures = new Fuzz(new ApiClient(base).uri("/"), OPERATOR).run(21_000, 15, prefix, false);

    assertThat(figures.lines()).isEqualTo(21_000);
    assertThat(figures.statuses().keySet()).as(figures.report()).containsOnly(200);
    assertThat(figures.mismatches()).as(figures.report()).isZero();
    assertThat(figures.validIds()).hasSizeGreaterThan(5_000);
    assertThat(figures.rejected()).isEqualTo(21_000 - figures.validIds().size());
    Set<String> logged = new HashSet<>();
    try (Connection db = TestDatabase.connect();
        PreparedStatement q = db.prepareStatement("SELECT event_id FROM campaigns_event_log WHERE event_id LIKE ?")) {
      q.setString(1, prefix + "-%");
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          assertThat(logged.add(r.getString(1))).as("stored once").isTrue();
        }
      }
    }
    assertThat(logged).isEqualTo(figures.validIds());
  }

  // --- 7: content types and bodies

  @Test
  void ingestionWantsAnExactContentTypeAndAnswersProblemsForTheRest() {
    String line = account("hard-7-a", 900_000_107);
    assertProblem(send(request("/api/events").header("Authorization", "Bearer " + OPERATOR).POST(HttpRequest.BodyPublishers.ofString(line))), 415);
    for (String type : new String[] {"*/*", "application/*"}) {
      assertProblem(send(request("/api/events").header("Authorization", "Bearer " + OPERATOR).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(line))), 415);
    }
    HttpResponse<String> garbled =
        send(request("/api/events").header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "application/x-ndjson; charset=\"").POST(HttpRequest.BodyPublishers.ofString(line)));
    assertThat(garbled.statusCode()).isBetween(400, 499);
    assertThat(garbled.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void theUsersAndTokensApiAnswers400NamingWhatIsWrong() {
    ApiClient api = new ApiClient(base);
    for (String body : new String[] {"{\"label\":", "[1,2]", "{\"label\":[\"x\"],\"role\":\"admin\"}"}) {
      HttpResponse<String> answer = api.post("/api/admin/accounts/9101/tokens", OPERATOR, JSON, body);
      assertProblem(answer, 400);
      assertThat(ApiClient.json(answer).getString("field")).isEqualTo("body");
    }
    HttpResponse<String> longLabel =
        api.post("/api/admin/accounts/9101/tokens", OPERATOR, JSON, "{\"label\":\"" + "l".repeat(191) + "\",\"role\":\"admin\"}");
    assertProblem(longLabel, 400);
    assertThat(ApiClient.json(longLabel).getString("field")).isEqualTo("label");
    HttpResponse<String> negative =
        api.post("/api/admin/accounts/-5/users", OPERATOR, JSON, "{\"username\":\"minus5\",\"password\":\"a-long-password-5\",\"role\":\"viewer\"}");
    assertProblem(negative, 400);
    assertThat(ApiClient.json(negative).getString("field")).isEqualTo("accountId");
  }

  // --- 8: a stalled upload, the container's own answers

  @Test
  void aStalledUploadGetsARequestTimeoutProblemNotA500() throws Exception {
    URI uri = new ApiClient(base).uri("/api/events");
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/events HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + OPERATOR
              + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n{\"id\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      for (int b = in.read(); b >= 0 && head.indexOf("\r\n\r\n") < 0; b = in.read()) {
        head.append((char) b);
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json");
    }
  }

  @Test
  void theContainersOwnErrorAnswersAreProblemsWithTheSecurityHeaders() {
    HttpResponse<String> unauthorized = send(request("/api/exports"));
    assertProblem(unauthorized, 401);
    assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(unauthorized.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(unauthorized.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(unauthorized.headers().firstValue("Content-Security-Policy")).isPresent();

    ApiClient console = new ApiClient(base);
    assertThat(console.signIn("operator", TestDatabase.OPERATOR_PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> missing = console.get("/no-such-page.txt", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Payara").contains("Page not found");
    assertThat(missing.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(missing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  // --- 10: the OpenAPI document with a token

  @Test
  void theOpenApiDocumentTakesABearerToken() {
    HttpResponse<String> document = new ApiClient(base).get("/openapi/", OPERATOR);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/events");
    assertThat(new ApiClient(base).get("/openapi/", null).statusCode()).isEqualTo(401);
  }

  // --- 3: sign-in

  private HttpResponse<String> signIn(String username, String password, String address) {
    String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        request("/signin")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  @Test
  void guessingAPasswordIsSlowedDownAndTheMessageSaysNotWhichWasWrong() throws Exception {
    ApiClient api = new ApiClient(base);
    String password = "hardening-password-3";
    assertThat(api.post("/api/admin/accounts/9103/users", OPERATOR, JSON,
            "{\"username\":\"guessed3\",\"password\":\"" + password + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
    String address = newAddress();
    for (int i = 0; i < 30; i++) {
      assertThat(signIn("guessed3", "wrong-password-" + i, address).statusCode()).isIn(401, 429);
    }
    HttpResponse<String> right = signIn("guessed3", password, newAddress());
    assertThat(right.statusCode()).as("the right password during the wait").isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    assertThat(right.body()).contains("Too many failed sign-ins").doesNotContain("guessed3");

    HttpResponse<String> unknown = null;
    String elsewhere = newAddress();
    for (int i = 0; i < 30; i++) {
      unknown = signIn("nobody-named-this", "wrong-password-" + i, elsewhere);
    }
    assertThat(unknown.statusCode()).as("an unknown username is throttled alike").isEqualTo(429);

    long wait = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
    Thread.sleep(wait * 1000 + 200);
    assertThat(signIn("guessed3", password, newAddress()).statusCode()).as("after the wait").isEqualTo(302);
  }

  // --- 5: cross-site requests with the console's cookie

  @Test
  void aCookieAuthenticatedChangeFromAnotherSiteIsRefusedAndTokensAreNotAffected() {
    HttpResponse<String> signedIn = signIn("operator", TestDatabase.OPERATOR_PASSWORD, newAddress());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String create = "{\"label\":\"csrf\",\"role\":\"admin\"}";
    HttpResponse<String> foreign =
        send(request("/api/admin/accounts/9105/tokens").header("Content-Type", JSON).header("Origin", "https://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString(create)));
    assertProblem(foreign, 403);
    assertThat(ApiClient.json(foreign).getString("field")).isEqualTo("Origin");
    HttpResponse<String> noOrigin =
        send(request("/api/admin/accounts/9105/tokens").header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(create)));
    assertProblem(noOrigin, 403);

    URI own = new ApiClient(base).uri("/");
    String origin = own.getScheme() + "://" + own.getHost() + ":" + own.getPort();
    assertThat(send(request("/api/admin/accounts/9105/tokens").header("Content-Type", JSON).header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(create))).statusCode()).isEqualTo(201);
    assertThat(send(request("/api/admin/accounts/9105/tokens").header("Content-Type", JSON).header("Origin", "https://evil.example")
            .header("Authorization", "Bearer " + OPERATOR).POST(HttpRequest.BodyPublishers.ofString(create))).statusCode())
        .as("an API token from anywhere")
        .isEqualTo(201);
  }

  // --- 6, 11: public links

  private static String adminToken(ApiClient api, long account) {
    return ApiClient.json(api.post("/api/admin/accounts/" + account + "/tokens", OPERATOR, JSON, "{\"label\":\"h\",\"role\":\"admin\"}"))
        .getString("token");
  }

  @Test
  void anOperatorListsAndRevokesLinksButCannotRotateThem() {
    ApiClient api = new ApiClient(base);
    String admin = adminToken(api, 9106);
    HttpResponse<String> created = api.post("/api/public-links", admin, JSON, "{\"report\":\"hosts\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    long id = ApiClient.json(created).getJsonNumber("id").longValue();

    assertProblem(api.post("/api/public-links/" + id + "/rotate", OPERATOR, JSON, ""), 403);
    assertThat(api.post("/api/public-links/" + id + "/rotate", admin, JSON, "").statusCode()).isEqualTo(200);
    assertThat(api.delete("/api/public-links/" + id, OPERATOR).statusCode()).isEqualTo(204);
  }

  @Test
  void theAccessLogKeepsALinksNewestRowsAndNoneForUnknownTokens() throws Exception {
    ApiClient api = new ApiClient(base);
    String admin = adminToken(api, 9111);
    JsonObject issued = ApiClient.json(api.post("/api/public-links", admin, JSON, "{\"report\":\"hosts\"}"));
    String path = URI.create(issued.getString("url")).getPath();
    long id = issued.getJsonNumber("id").longValue();
    long before = accessRows("link_id IS NULL");
    for (int i = 0; i < 30; i++) {
      send(request("/public/reports/c24p_" + "u".repeat(28) + String.format("%04d", i)).header("X-Forwarded-For", "198.51.101." + (i + 1)));
    }
    // 4 served per token and period, then 429s: each one of this link's.
    for (int i = 0; i < 230; i++) {
      send(request(path).header("X-Forwarded-For", "198.51.102." + (i % 250 + 1)));
    }
    Instant deadline = Instant.now().plusSeconds(30);
    while (accessRows("link_id = " + id) < 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    assertThat(accessRows("link_id = " + id)).isEqualTo(200);
    assertThat(accessRows("link_id IS NULL")).isEqualTo(before);
  }

  private static long accessRows(String where) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM exports_public_link_access WHERE " + where);
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  // --- 12: a filter no report reads

  @Test
  void aMalformedFilterIsRefusedByAReportThatDoesNotTakeIt() {
    HttpResponse<String> answer =
        new ApiClient(base).get("/api/exports/traffic?range=today&agent_id=" + URLEncoder.encode("1;SELECT SLEEP(5)", StandardCharsets.UTF_8), OPERATOR);
    assertProblem(answer, 400);
    assertThat(ApiClient.json(answer).getString("field")).isEqualTo("agent_id");
  }

  // --- 4: the database goes away

  @Test
  void whileTheDatabaseIsUnreachableEveryApiAnswers503WithRetryAfterAndAfterwardsAllWorks() throws Exception {
    ApiClient api = new ApiClient(base);
    String admin = adminToken(api, 9104);
    String link = URI.create(ApiClient.json(api.post("/api/public-links", admin, JSON, "{\"report\":\"hosts\"}")).getString("url")).getPath();
    TestDatabase.proxy().cut();
    try {
      for (int round = 0; round < 3; round++) {
        for (HttpResponse<String> answer :
            java.util.List.of(
                api.get("/api/exports/hosts", OPERATOR),
                api.post("/api/events", OPERATOR, NDJSON, account("hard-4-" + round, 900_000_104)),
                send(request(link).header("X-Forwarded-For", newAddress())))) {
          assertProblem(answer, 503);
          assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().toString()).isPresent();
        }
      }
    } finally {
      TestDatabase.proxy().restore();
    }
    Instant deadline = Instant.now().plusSeconds(60);
    int status = 0;
    while (Instant.now().isBefore(deadline) && (status = api.get("/api/exports/hosts", OPERATOR).statusCode()) != 200) {
      Thread.sleep(500);
    }
    assertThat(status).isEqualTo(200);
    assertThat(stored("hard-4-")).as("nothing half-written").isZero();
  }
}
