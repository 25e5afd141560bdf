package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import com.conversation24.campaigns.platform.SecretToken;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The foundation over HTTP, against the WAR as built: sign-in, tokens and roles, secrets never
 * stored in clear, and readiness following the database.
 */
@PlatformTest
@RunAsClient
class PlatformIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void consoleAsksAnonymousCallersToSignIn() {
    ApiClient client = new ApiClient(base);
    HttpResponse<String> home = client.get("/", null);
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
    HttpResponse<String> page = client.get("/login.xhtml", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sign in").contains("j_password");
  }

  @Test
  void operatorSignsInAndTheSessionOpensTheConsole() {
    ApiClient client = new ApiClient(base);
    HttpResponse<String> signIn = client.signIn("operator", TestDatabase.OPERATOR_PASSWORD);
    assertThat(signIn.statusCode()).isEqualTo(302);
    HttpResponse<String> home = client.get("/", null);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("operator");
  }

  @Test
  void wrongPasswordGets401AndNoSession() {
    ApiClient client = new ApiClient(base);
    HttpResponse<String> refused = client.signIn("operator", "not-the-password");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("Wrong username or password");
    assertThat(client.get("/", null).statusCode()).isEqualTo(302);
  }

  @Test
  void missingInvalidAndRevokedTokensGet401() {
    ApiClient client = new ApiClient(base);
    assertThat(client.get("/api/admin/accounts/1/tokens", null).statusCode()).isEqualTo(401);
    assertThat(client.get("/api/admin/accounts/1/tokens", "c24t_not-a-token").statusCode()).isEqualTo(401);

    JsonObject issued = ApiClient.json(client.post("/api/admin/accounts/11/tokens", OPERATOR, JSON, "{\"label\":\"ci\",\"role\":\"admin\"}"));
    String token = issued.getString("token");
    assertThat(token).startsWith("c24t_");
    assertThat(client.get("/api/admin/accounts/11/tokens", token).statusCode()).isEqualTo(200);

    assertThat(client.delete("/api/admin/tokens/" + issued.getJsonNumber("id").longValue(), OPERATOR).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = client.get("/api/admin/accounts/11/tokens", token);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void viewerCannotReachAdminNorIngestEndpoints() {
    ApiClient client = new ApiClient(base);
    String viewer = ApiClient.json(client.post("/api/admin/accounts/12/tokens", OPERATOR, JSON, "{\"label\":\"v\",\"role\":\"viewer\"}")).getString("token");
    assertThat(client.get("/api/admin/accounts/12/tokens", viewer).statusCode()).isEqualTo(403);
    assertThat(client.post("/api/events", viewer, "application/x-ndjson", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void adminOfOneAccountCannotManageAnother() {
    ApiClient client = new ApiClient(base);
    String admin = ApiClient.json(client.post("/api/admin/accounts/13/tokens", OPERATOR, JSON, "{\"label\":\"a\",\"role\":\"admin\"}")).getString("token");
    assertThat(client.post("/api/admin/accounts/13/users", admin, JSON, "{\"username\":\"viewer13\",\"password\":\"a-long-password-13\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> foreign = client.post("/api/admin/accounts/14/users", admin, JSON, "{\"username\":\"viewer14\",\"password\":\"a-long-password-14\",\"role\":\"viewer\"}");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void badInputGetsAProblemDocumentNamingTheField() {
    ApiClient client = new ApiClient(base);
    HttpResponse<String> bad = client.post("/api/admin/accounts/15/users", OPERATOR, JSON, "{\"username\":\"u15\",\"password\":\"short\",\"role\":\"viewer\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(ApiClient.json(bad).getString("field")).isEqualTo("password");
  }

  @Test
  void passwordsAndTokensAreStoredOnlyAsHashes() throws Exception {
    ApiClient client = new ApiClient(base);
    String password = "a-long-password-16";
    assertThat(client.post("/api/admin/accounts/16/users", OPERATOR, JSON, "{\"username\":\"admin16\",\"password\":\"" + password + "\",\"role\":\"admin\"}").statusCode()).isEqualTo(201);
    String token = ApiClient.json(client.post("/api/admin/accounts/16/tokens", OPERATOR, JSON, "{\"label\":\"t16\",\"role\":\"viewer\"}")).getString("token");

    try (Connection db = TestDatabase.connect()) {
      try (PreparedStatement q = db.prepareStatement("SELECT password_hash FROM campaigns_user WHERE username = 'admin16'");
          ResultSet r = q.executeQuery()) {
        assertThat(r.next()).isTrue();
        String stored = r.getString(1);
        assertThat(stored).doesNotContain(password).startsWith("PBKDF2WithHmacSHA512:210000:");
      }
      try (PreparedStatement q = db.prepareStatement("SELECT secret_hash FROM campaigns_api_token WHERE label = 't16'");
          ResultSet r = q.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isNotEqualTo(token).isEqualTo(new SecretToken(token).hash());
      }
      try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM campaigns_api_token WHERE secret_hash = ?")) {
        q.setString(1, token);
        try (ResultSet r = q.executeQuery()) {
          r.next();
          assertThat(r.getInt(1)).isZero();
        }
      }
    }
  }

  @Test
  void exportApiPublishesItsCatalogueAndNamesTheBadParameter() {
    ApiClient client = new ApiClient(base);
    JsonObject catalogue = ApiClient.json(client.get("/api/exports", OPERATOR));
    assertThat(catalogue.getJsonArray("reports")).hasSize(8);
    assertThat(client.get("/api/exports/no-such-report", OPERATOR).statusCode()).isEqualTo(404);
    HttpResponse<String> badZone = client.get("/api/exports/conversations?range=today&tz=Mars/Olympus", OPERATOR);
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(badZone).getString("field")).isEqualTo("tz");
    HttpResponse<String> tooLong = client.get("/api/exports/slots?from=2024-01-01&to=2026-01-01", OPERATOR);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(tooLong).getString("field")).isEqualTo("to");
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainAfter() throws Exception {
    ApiClient client = new ApiClient(base);
    assertThat(awaitReadiness(client, 200, Duration.ofSeconds(30))).isTrue();
    TestDatabase.proxy().cut();
    try {
      assertThat(awaitReadiness(client, 503, Duration.ofSeconds(45))).isTrue();
    } finally {
      TestDatabase.proxy().restore();
    }
    assertThat(awaitReadiness(client, 200, Duration.ofSeconds(60))).isTrue();
  }

  private static boolean awaitReadiness(ApiClient client, int status, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (client.get("/health/ready", null).statusCode() == status) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }
}
