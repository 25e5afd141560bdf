package com.conversation24.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real browser (headless Chromium), against the WAR as built with the
 * worked example's events loaded: sign-in and layout, every report's preview against the export
 * API, paging and sorting, the CSV download byte for byte, transcripts and their refusal, the
 * dashboard's charts, users and tokens, public links (created from the Exports page, fetched
 * without credentials, rotated and revoked), and the security headers. Without Chromium the tests are
 * reported skipped with the reason.
 */
@PlatformTest
@RunAsClient
class ConsoleIT {

  private static final String OPERATOR_TOKEN = TestDatabase.OPERATOR_TOKEN;
  private static final String PASSWORD = "console-it-password-0123";
  private static final String ACME_ADMIN = "acme-admin";
  private static final String GLOBEX_ADMIN = "globex-admin";
  private static final String FROM = "2026-10-23";
  private static final String LAST_DAY = "2026-10-27";
  private static final String TO = "2026-10-28";
  private static final String ZONE = ConsoleBrowser.BROWSER_ZONE;
  private static final String ACME_SESSION = "s-b7b2e4313047";

  private static ConsoleBrowser browser;
  private static boolean arranged;
  private static String acmeViewerToken;
  private static final AtomicInteger PUBLIC_ADDRESSES = new AtomicInteger();

  /** A failed test leaves the browser's view as it was, next to the report. */
  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser != null) {
            browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
          }
        }
      };

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeEach
  void browserAndData() throws IOException {
    Assumptions.assumeTrue(
        ConsoleBrowser.unavailable().isEmpty(),
        () -> "browser tests skipped: " + ConsoleBrowser.unavailable().orElse(""));
    arrange();
    if (browser == null) {
      browser = new ConsoleBrowser(base.toString());
    }
  }

  @AfterEach
  void noContentSecurityPolicyViolations() {
    if (browser != null) {
      assertThat(browser.cspViolations()).as("CSP violations in the browser console").isEmpty();
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void signInShowsTheLayoutAndEveryReportPreviewsWhatTheApiExports() {
    browser.driver.manage().deleteAllCookies();
    browser.open("login.xhtml");
    browser.screenshots("login");
    browser.signIn(ACME_ADMIN, PASSWORD);
    assertThat(browser.byId("account").getText()).isEqualTo("Acme Shop (1)");
    assertThat(browser.byId("caller").getText()).isEqualTo(ACME_ADMIN);
    assertThat(browser.all("#nav-users")).hasSize(1);
    // The time zone defaults to the browser's.
    assertThat(browser.byId("exports:tz_input").getAttribute("value")).isEqualTo(ZONE);
    assertThat(browser.all(".report-link")).hasSize(8);
    browser.screenshots("exports");
    pickDates("exports");

    JsonObject catalogue = ApiClient.json(api().get("/api/exports", acmeViewerToken));
    for (JsonValue value : catalogue.getJsonArray("reports")) {
      JsonObject report = value.asJsonObject();
      String name = report.getString("name");
      browser.click(By.cssSelector("a[data-report='" + name + "']"));
      assertThat(browser.byId("criteria-title").getText()).isEqualTo(report.getString("title"));
      // The chosen report's description shows once, under its title.
      assertThat(browser.all(".report-description")).hasSize(1);
      assertThat(browser.byId("report-description").getText())
          .isEqualTo(report.getString("description"));
      browser.click(By.id("exports:preview"));

      List<String> expectedColumns =
          report.getJsonArray("columns").stream()
              .map(c -> c.asJsonObject().getString("name"))
              .collect(Collectors.toList());
      assertThat(headers()).as(name).isEqualTo(expectedColumns);
      List<List<String>> csv = csv(apiCsv(name, criteriaQuery(name)), ',');
      assertThat(previewTotal()).as(name + " rows").isEqualTo(csv.size() - 1);
    }

    browser.open("signout?reason=timeout");
    assertThat(browser.byId("session-ended").getText()).contains("session ended");
    browser.open("index.xhtml");
    assertThat(browser.driver.getCurrentUrl()).contains("login.xhtml");
  }

  @Test
  void thePreviewPagesAndSortsLikeTheReport() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    browser.click(By.id("exports:preview"));
    List<List<String>> csv = csv(apiCsv("conversations", criteriaQuery("conversations")), ',');
    List<String> columns = csv.get(0);
    List<List<String>> rows = csv.subList(1, csv.size());
    int session = columns.indexOf("session_id");
    int messages = columns.indexOf("num_messages");
    assertThat(rows.size()).isGreaterThan(20);
    assertThat(previewTotal()).isEqualTo(rows.size());
    assertThat(column(session)).isEqualTo(cells(rows.subList(0, 20), session));

    browser.click(By.cssSelector("[id='exports:table'] .ui-paginator-next"));
    assertThat(column(session))
        .isEqualTo(cells(rows.subList(20, Math.min(40, rows.size())), session));

    String header = "[id='exports:table'] thead th:nth-child(" + (messages + 1) + ")";
    assertThat(browser.css(header + " .ui-column-title").getText()).startsWith("Number of messages");
    int fewest = rows.stream().mapToInt(r -> Integer.parseInt(r.get(messages))).min().orElseThrow();
    int most = rows.stream().mapToInt(r -> Integer.parseInt(r.get(messages))).max().orElseThrow();
    List<Integer> unsorted = numbers(messages);
    List<Integer> ascending = new ArrayList<>(unsorted);
    ascending.sort(Comparator.naturalOrder());
    assertThat(unsorted).as("page 2 in the report's order").isNotEqualTo(ascending);
    sortBy(header, Comparator.naturalOrder(), messages);
    assertThat(column(messages).get(0)).isEqualTo(Integer.toString(fewest));
    sortBy(header, Comparator.reverseOrder(), messages);
    assertThat(column(messages).get(0)).isEqualTo(Integer.toString(most));
    browser.screenshots("exports-preview");
  }

  @Test
  void theDownloadIsTheExportApisCsvByteForByte() throws Exception {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    pickCampaign("11");
    browser.selectOne("exports:delimiter", "Semicolon ( ; )");
    browser.click(By.cssSelector("[id='exports:bom'] .ui-chkbox-box"));
    browser.click(By.id("exports:download"));
    browser.screenshot("exports-download");

    // The name says the last day chosen, not the day after it.
    Path file = browser.downloads.resolve("conversations_" + FROM + "_" + LAST_DAY + ".csv");
    browser.waitUntil(
        "the download to finish", d -> Files.exists(file) && !Files.exists(Path.of(file + ".crdownload")));
    browser.waitUntil(
        "the page to say the download started",
        d -> browser.byId("download-status").getText().equals("Download started."));
    byte[] downloaded = Files.readAllBytes(file);
    byte[] expected =
        apiCsv(
            "conversations",
            criteriaQuery("conversations") + "&chatcampaign_id=11&delimiter=semicolon&bom=true");
    assertThat(downloaded).isEqualTo(expected);
    assertThat(downloaded).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(csv(expected, ';').size()).isGreaterThan(1);
  }

  @Test
  void aTranscriptShowsToItsAccountOnlyAndIsNotFoundForOthers() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.open("transcripts/" + ACME_SESSION);
    assertThat(browser.byId("transcript-session").getText()).isEqualTo(ACME_SESSION);
    List<List<String>> csv = csv(apiCsv("conversations", criteriaQuery("conversations")), ',');
    int session = csv.get(0).indexOf("session_id");
    int messages = csv.get(0).indexOf("num_messages");
    String expected =
        csv.stream().filter(r -> r.get(session).equals(ACME_SESSION)).findFirst().orElseThrow().get(messages);
    assertThat(browser.all("#messages li.message")).hasSize(Integer.parseInt(expected));
    assertThat(browser.all("#messages .message-author").stream().map(WebElement::getText))
        .allMatch(a -> !a.isBlank());
    // Times in an ISO-like format with the reader's zone; a way back to the console.
    assertThat(browser.all("#messages time").stream().map(WebElement::getText))
        .isNotEmpty()
        .allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} " + ZONE), "yyyy-MM-dd HH:mm:ss " + ZONE);
    assertThat(browser.byId("back-link").getAttribute("href")).endsWith("/index.xhtml");
    browser.screenshots("transcript");

    browser.signIn(GLOBEX_ADMIN, PASSWORD);
    browser.open("transcripts/" + ACME_SESSION);
    assertThat(browser.all("#messages")).isEmpty();
    ApiClient globex = api();
    globex.signIn(GLOBEX_ADMIN, PASSWORD);
    assertThat(globex.get("/transcripts/" + ACME_SESSION, null).statusCode()).isEqualTo(404);
    assertThat(globex.get("/transcripts/no-such-session", null).statusCode()).isEqualTo(404);
    ApiClient acme = api();
    acme.signIn(ACME_ADMIN, PASSWORD);
    assertThat(acme.get("/transcripts/" + ACME_SESSION, null).statusCode()).isEqualTo(200);
    assertThat(api().get("/transcripts/" + ACME_SESSION, null).statusCode()).isEqualTo(302);
  }

  @Test
  void theDashboardDrawsItsThreeCharts() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.open("dashboard.xhtml");
    // Drawn on open, for the last 7 days, with the totals, before any "Show".
    assertThat(browser.byId("dashboard:dates-resolved").getText()).startsWith("Last 7 days: ");
    assertThat(browser.all("[id='dashboard:chats-chart'] canvas")).hasSize(1);
    assertThat(browser.byId("totals").getText()).contains("Chats").contains("Invites accepted");
    pickDates("dashboard");
    browser.click(By.id("dashboard:show"));
    for (String chart : List.of("chats-chart", "agents-chart", "funnel-chart")) {
      String canvas = "[id='dashboard:" + chart + "'] canvas";
      Object drawn =
          browser.waitUntil(
              chart + " to be drawn",
              d ->
                  browser.script(
                      "var c = document.querySelector(arguments[0]);"
                          + " var chart = c && window.Chart && Chart.getChart(c);"
                          + " if (!chart || c.width === 0 || c.height === 0) return null;"
                          + " var sum = 0; chart.data.datasets.forEach(function (s) {"
                          + "   s.data.forEach(function (v) { sum += v; }); });"
                          + " var blank = document.createElement('canvas');"
                          + " blank.width = c.width; blank.height = c.height;"
                          + " return sum > 0 && c.toDataURL() !== blank.toDataURL() ? sum : null;",
                      canvas));
      assertThat(((Number) drawn).doubleValue()).as(chart).isPositive();
    }
    assertThat(browser.byId("totals").getText()).doesNotStartWith("0");
    browser.screenshots("dashboard");
  }

  @Test
  void adminsCreateUsersAndTokensAndSeeTheSecretOnce() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.open("users.xhtml");
    String viewer = "acme-viewer-" + System.nanoTime() % 100000;
    browser.type(By.id("users:username"), viewer);
    browser.type(By.id("users:password"), PASSWORD);
    browser.click(By.id("users:create-user"));
    assertThat(browser.byId("users:user-table").getText()).contains(viewer);
    // Roles and times in words, not [viewer] and raw ISO.
    assertThat(userCells(viewer).get(1)).isEqualTo("Viewer");
    assertThat(userCells(viewer).get(2)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    assertThat(userCells(viewer).get(3)).isEqualTo("active");

    String label = "it-token-" + System.nanoTime() % 100000;
    browser.type(By.id("users:token-label"), label);
    browser.click(By.id("users:create-token"));
    String secret = browser.byId("issued-secret").getAttribute("value");
    assertThat(secret).startsWith("c24t_");
    browser.click(By.id("copy-secret"));
    copied("copy-secret");
    browser.screenshots("users");
    assertThat(api().get("/api/exports/agents", secret).statusCode()).isEqualTo(200);

    assertThat(browser.all("[id='users:token-table'] .token-role").stream().map(WebElement::getText))
        .contains("Viewer")
        .noneMatch(r -> r.contains("["));
    browser.click(By.cssSelector("button.revoke[data-token='" + label + "']"));
    browser.click(By.id("users:confirm-yes"));
    assertThat(browser.byId("users:messages").getText()).contains("Token " + label + " revoked.");
    assertThat(browser.all("#issued-secret")).isEmpty();
    assertThat(api().get("/api/exports/agents", secret).statusCode()).isEqualTo(401);
    browser.open("users.xhtml");
    assertThat(browser.all("#issued-secret")).isEmpty();

    ApiClient asViewer = api();
    asViewer.signIn(viewer, PASSWORD);
    assertThat(asViewer.get("/users.xhtml", null).statusCode()).isEqualTo(403);

    // Disable: no sign-in until enabled again.
    browser.open("users.xhtml");
    browser.click(By.cssSelector("button.disable[data-user='" + viewer + "']"));
    assertThat(userCells(viewer).get(3)).isEqualTo("disabled");
    assertThat(signedIn(viewer, PASSWORD)).as("a disabled user signs in").isFalse();
    browser.click(By.cssSelector("button.enable[data-user='" + viewer + "']"));
    assertThat(userCells(viewer).get(3)).isEqualTo("active");
    assertThat(signedIn(viewer, PASSWORD)).isTrue();
    assertThat(browser.all("button.disable[data-user='" + ACME_ADMIN + "']")).as("admins keep their own user").isEmpty();

    // A new password: the old one stops working.
    String newPassword = "console-it-new-password-42";
    browser.click(By.cssSelector("button.set-password[data-user='" + viewer + "']"));
    browser.type(By.id("users:new-password"), "short");
    browser.click(By.id("users:save-password"));
    assertThat(browser.css("[id='users:password-form'] .ui-message-error").getText()).contains("at least 12 characters");
    browser.clear(By.id("users:new-password"));
    browser.type(By.id("users:new-password"), newPassword);
    browser.click(By.id("users:save-password"));
    assertThat(browser.byId("users:messages").getText()).contains("New password set for " + viewer + ".");
    assertThat(signedIn(viewer, PASSWORD)).isFalse();
    assertThat(signedIn(viewer, newPassword)).isTrue();

    // Delete, after a confirmation.
    browser.click(By.cssSelector("button.delete-user[data-user='" + viewer + "']"));
    browser.click(By.id("users:confirm-yes"));
    assertThat(browser.byId("users:messages").getText()).contains("User " + viewer + " deleted.");
    assertThat(browser.byId("users:user-table").getText()).doesNotContain(viewer);
    assertThat(signedIn(viewer, newPassword)).isFalse();
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    ApiClient client = api();
    HttpResponse<String> login = client.get("/login.xhtml", null);
    String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy).contains("script-src 'self' 'nonce-").contains("frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<String> signedIn = client.signIn(ACME_ADMIN, PASSWORD);
    List<String> cookies = signedIn.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    HttpResponse<String> csv = client.get("/api/exports/agents", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
    assertThat(csv.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void adminsPublishTheCriteriaAsAPublicLinkThenRotateAndRevokeIt() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    pickCampaign("11");
    browser.selectOne("exports:delimiter", "Semicolon ( ; )");
    browser.click(By.cssSelector("[id='exports:bom'] .ui-chkbox-box"));
    String label = "it-link-" + System.nanoTime() % 100000;
    String url = createLink(label, "Conversations: " + FROM + " to " + LAST_DAY + " · " + ZONE
        + " · campaign 11 · semicolon · BOM");
    assertThat(url).startsWith("http://localhost:8080/public/reports/c24p_");
    browser.click(By.id("copy-link"));
    copied("copy-link");
    browser.screenshots("public-link-created");

    // Without a session or credentials, the URL answers the export API's CSV byte for byte.
    byte[] expected =
        apiCsv(
            "conversations",
            criteriaQuery("conversations") + "&chatcampaign_id=11&delimiter=semicolon&bom=true");
    assertThat(csv(expected, ';').size()).isGreaterThan(1);
    HttpResponse<byte[]> served = openPublic(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(expected);

    // A relative range stays relative: the link answers what the API answers for it today.
    browser.open("index.xhtml");
    browser.click(By.cssSelector("a[data-report='traffic']"));
    browser.selectOne("exports:range", "Last 30 days");
    String relativeLabel = label + "-30d";
    String relative = createLink(relativeLabel, "Traffic: Last 30 days · " + ZONE + " · comma");
    HttpResponse<byte[]> servedRelative = openPublic(relative);
    assertThat(servedRelative.statusCode()).isEqualTo(200);
    assertThat(servedRelative.body()).isEqualTo(apiCsv("traffic", "range=last_30_days&tz=" + ZONE));

    browser.click(By.id("to-links"));
    browser.waitUntil("the Public links page", d -> d.getCurrentUrl().contains("public-links.xhtml"));
    List<String> row = linkRow(label);
    assertThat(row.subList(0, 9))
        .containsExactly(
            label, "Conversations",
            FROM + " to " + LAST_DAY + " · " + ZONE + " · campaign 11 · semicolon · BOM",
            ACME_ADMIN, row.get(4), "never", row.get(6), "1", "active");
    assertThat(row.get(4)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    assertThat(row.get(6)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    assertThat(linkRow(relativeLabel).subList(0, 3))
        .containsExactly(relativeLabel, "Traffic", "Last 30 days · " + ZONE + " · comma");
    browser.screenshots("public-links");

    // Rotate: a new URL, shown once; the old one is dead at once.
    browser.click(By.cssSelector("button.rotate[data-link='" + label + "']"));
    browser.click(By.id("links:confirm-yes"));
    String rotated = browser.byId("issued-url").getAttribute("value");
    assertThat(rotated).startsWith("http://localhost:8080/public/reports/c24p_").isNotEqualTo(url);
    assertThat(openPublic(url).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> servedRotated = openPublic(rotated);
    assertThat(servedRotated.statusCode()).isEqualTo(200);
    assertThat(servedRotated.body()).isEqualTo(expected);

    // Revoke: 404 at once, and the list says so.
    browser.click(By.cssSelector("button.revoke[data-link='" + label + "']"));
    browser.click(By.id("links:confirm-yes"));
    assertThat(browser.all("#issued-url")).isEmpty();
    assertThat(linkRow(label).get(8)).isEqualTo("revoked");
    assertThat(browser.all("button.revoke[data-link='" + label + "']")).isEmpty();
    assertThat(openPublic(rotated).statusCode()).isEqualTo(404);
    assertThat(openPublic(rotated).headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // Opened in a browser, a dead link is a page in words, not a problem document.
    browser.open(URI.create(rotated).getPath());
    assertThat(browser.byId("error-title").getText()).isEqualTo("This link does not work");
    assertThat(browser.byId("error-detail").getText()).contains("revoked");
    browser.screenshots("public-link-dead");
    browser.open("public-links.xhtml");

    // Revoke all, after a confirmation.
    assertThat(linkRow(relativeLabel).get(8)).isEqualTo("active");
    browser.click(By.id("links:revoke-all"));
    browser.click(By.id("links:confirm-yes"));
    assertThat(browser.byId("links:messages").getText()).contains("revoked");
    assertThat(linkRow(relativeLabel).get(8)).isEqualTo("revoked");
    assertThat(browser.all("button.revoke")).isEmpty();
    assertThat(openPublic(relative).statusCode()).isEqualTo(404);
  }

  @Test
  void viewersManageNoPublicLinksOperatorsOnlyListAndRevokeAndOtherAccountsSeeNone() {
    String viewer = "links-viewer-" + System.nanoTime() % 100000;
    HttpResponse<String> created =
        api().post(
            "/api/admin/accounts/1/users", OPERATOR_TOKEN, "application/json",
            "{\"username\":\"" + viewer + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    ApiClient asViewer = api();
    asViewer.signIn(viewer, PASSWORD);
    assertThat(asViewer.get("/public-links.xhtml", null).statusCode()).isEqualTo(403);
    HttpResponse<String> exports = asViewer.get("/index.xhtml", null);
    assertThat(exports.statusCode()).isEqualTo(200);
    assertThat(exports.body()).doesNotContain("create-link").doesNotContain("nav-links");

    // An Acme link exists; Globex's admin does not see it.
    browser.signIn(ACME_ADMIN, PASSWORD);
    String label = "it-acme-only-" + System.nanoTime() % 100000;
    browser.click(By.id("exports:create-link"));
    browser.type(By.id("exports:link-label"), label);
    // The last day, in the criteria's time zone: it expires when 2099-12-31 ends in Amsterdam.
    browser.type(By.id("exports:link-last-day_input"), "2099-12-31");
    browser.click(By.cssSelector("[id='exports:link-dialog'] .ui-dialog-title"));
    browser.click(By.id("exports:link-create"));
    assertThat(browser.byId("link-url").getAttribute("value")).contains("/public/reports/c24p_");
    browser.signIn(GLOBEX_ADMIN, PASSWORD);
    browser.open("public-links.xhtml");
    assertThat(browser.byId("links:link-table").getText()).doesNotContain(label).doesNotContain(ACME_ADMIN);

    // Operators list any account's links and revoke them, but neither create nor rotate.
    browser.signIn("operator", TestDatabase.OPERATOR_PASSWORD);
    assertThat(browser.all("[id='exports:preview']")).hasSize(1);
    assertThat(browser.all("[id='exports:create-link']")).isEmpty();
    // Operators choose the account whose rows they see; all by default.
    assertThat(browser.byId("exports:account_label").getText()).isEqualTo("All accounts");
    browser.selectOne("exports:account", "Acme Shop (1)");
    browser.click(By.id("nav-links"));
    browser.waitUntil("the Public links page", d -> d.getCurrentUrl().contains("public-links.xhtml"));
    browser.selectOne("links:account", "Acme Shop (1)");
    // Listed by the last day chosen, in the link's zone (not as 2100-01-01 or in UTC).
    assertThat(linkRow(label).get(5)).isEqualTo("through 2099-12-31 (" + ZONE + ")");
    assertThat(linkRow(label).get(8)).isEqualTo("active");
    assertThat(browser.all("button.rotate")).isEmpty();
    browser.click(By.cssSelector("button.revoke[data-link='" + label + "']"));
    browser.click(By.id("links:confirm-yes"));
    assertThat(linkRow(label).get(8)).isEqualTo("revoked");
  }

  @Test
  void pickingALowReportKeepsItsCriteriaAndPreviewInView() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    JsonObject catalogue = ApiClient.json(api().get("/api/exports", acmeViewerToken));
    JsonArray reports = catalogue.getJsonArray("reports");
    String last = reports.getJsonObject(reports.size() - 1).getString("name");
    for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
      browser.viewport(size[0], size[1]);
      browser.open("index.xhtml");
      browser.click(By.cssSelector("a[data-report='" + last + "']"));
      browser.script("window.scrollTo(0, 0);");
      String at = size[0] + "x" + size[1];
      assertThat(browser.inView(browser.byId("criteria-title"))).as("report title in view at " + at).isTrue();
      assertThat(browser.inView(browser.css("fieldset.criteria legend"))).as("criteria in view at " + at).isTrue();
      assertThat(browser.inView(browser.byId("exports:preview"))).as("Preview in view at " + at).isTrue();
      browser.click(By.id("exports:preview"));
      assertThat(browser.inView(browser.byId("preview-title"))).as("preview in view at " + at).isTrue();
    }
    browser.wholeWindow();
  }

  @Test
  void aPreviewSaysWhenItIsStaleAndARangeSaysItsDays() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    browser.selectOne("exports:range", "Last 7 days");
    String days = browser.byId("exports:dates-resolved").getText();
    assertThat(days).matches("Last 7 days: \\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2}, " + ZONE);
    java.time.LocalDate first = java.time.LocalDate.parse(days.substring(13, 23));
    java.time.LocalDate lastDay = java.time.LocalDate.parse(days.substring(27, 37));
    assertThat(first.plusDays(6)).isEqualTo(lastDay);
    pickDates("exports");
    assertThat(browser.byId("exports:dates-resolved").getText()).isEqualTo(FROM + " to " + LAST_DAY + ", " + ZONE);

    // Preview by keyboard: the focus goes to the preview's heading.
    browser.interactable(By.id("exports:preview")).sendKeys(Keys.ENTER);
    browser.settle();
    assertThat(browser.script("return document.activeElement && document.activeElement.id")).isEqualTo("preview-title");
    assertThat(browser.byId("stale-note").isDisplayed()).isFalse();
    browser.selectOne("exports:range", "Last 30 days");
    assertThat(browser.byId("stale-note").isDisplayed()).as("the stale cue").isTrue();
    assertThat(browser.byId("exports:preview-panel").getAttribute("class")).contains("stale");
    browser.click(By.id("exports:preview"));
    assertThat(browser.byId("stale-note").isDisplayed()).isFalse();
  }

  @Test
  void anotherReportOrNewCriteriaOpenThePreviewOnItsFirstPage() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    browser.click(By.id("exports:preview"));
    browser.click(By.cssSelector("[id='exports:table'] .ui-paginator-next"));
    browser.click(By.cssSelector("[id='exports:table'] .ui-paginator-next"));
    assertThat(pageReport()).startsWith("41-");
    browser.click(By.cssSelector("a[data-report='traffic']"));
    browser.click(By.id("exports:preview"));
    assertThat(pageReport()).startsWith("1-");
    browser.click(By.cssSelector("[id='exports:table'] .ui-paginator-next"));
    assertThat(pageReport()).startsWith("21-");
    pickCampaign("11");
    browser.click(By.id("exports:preview"));
    assertThat(pageReport()).startsWith("1-");
  }

  @Test
  void wideReportsShowTitlesDefinitionsAKeyColumnAndReadableCells() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    JsonObject catalogue = ApiClient.json(api().get("/api/exports", acmeViewerToken));
    String definition =
        catalogue.getJsonArray("reports").stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("name").equals("conversations"))
            .flatMap(r -> r.getJsonArray("columns").stream().map(JsonValue::asJsonObject))
            .filter(c -> c.getString("name").equals("num_messages"))
            .findFirst().orElseThrow().getString("definition");
    browser.viewport(1440, 900);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    browser.click(By.id("exports:preview"));

    // The definition, with the spec's name, one click from the title.
    By info = By.cssSelector("button.column-info[data-column='num_messages']");
    // Titles in words, shown (not only to screen readers).
    assertThat(browser.css("[id='exports:table'] th.key-column .ui-column-title").getText()).startsWith("Session ID");
    assertThat(browser.css("[id='exports:table'] th.key-column .ui-column-title").getAttribute("class"))
        .doesNotContain("hidden");
    browser.script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", browser.find(info));
    browser.click(info);
    assertThat(browser.byId("column-definition").isDisplayed()).isTrue();
    assertThat(browser.byId("column-definition-title").getText()).isEqualTo("Number of messages");
    assertThat(browser.byId("column-definition-name").getText()).isEqualTo("num_messages");
    assertThat(browser.byId("column-definition-text").getText()).isEqualTo(definition);
    browser.click(By.cssSelector(".column-definition-close"));
    assertThat(browser.byId("column-definition").isDisplayed()).isFalse();

    // The key column stays in view while the rest scrolls; the scrollbar sits in the viewport.
    assertThat(browser.css("[id='exports:table'] th.key-column .column-info").getAttribute("data-column"))
        .isEqualTo("session_id");
    String wrapper = "document.querySelector(\"[id='exports:table'] .ui-datatable-tablewrapper\")";
    browser.script(wrapper + ".scrollIntoView({block: 'end'});");
    Number height = (Number) browser.script("return " + wrapper + ".getBoundingClientRect().height;");
    assertThat(height.doubleValue()).isLessThan(900);
    Number scrolled =
        (Number) browser.script("var w = " + wrapper + "; w.scrollLeft = w.scrollWidth; return w.scrollLeft;");
    assertThat(scrolled.doubleValue()).isPositive();
    Number offset =
        (Number)
            browser.script(
                "var w = " + wrapper + "; var td = w.querySelector('td.key-column');"
                    + " return td.getBoundingClientRect().left - w.getBoundingClientRect().left;");
    assertThat(offset.doubleValue()).as("key column's offset from the box's left").isBetween(-1.0, 2.0);
    assertThat(browser.inView(browser.css("[id='exports:table_data'] td.key-column"))).isTrue();
    browser.script("var w = " + wrapper + "; w.scrollLeft = 0;");

    // Readable durations and counts; the file's text stays the cell's tooltip; transcripts a link.
    List<List<String>> csv = csv(apiCsv("conversations", criteriaQuery("conversations")), ',');
    int duration = csv.get(0).indexOf("duration_total_secs");
    int transcript = csv.get(0).indexOf("transcriptUrl");
    // The first row of the page with a duration (a conversation still open has none).
    int row = 1;
    while (csv.get(row).get(duration).isEmpty()) {
      row++;
    }
    assertThat(row).isLessThanOrEqualTo(20);
    WebElement shownRow = browser.all("[id='exports:table_data'] tr").get(row - 1);
    List<WebElement> cells = shownRow.findElements(By.tagName("td"));
    String seconds = csv.get(row).get(duration);
    assertThat(cells.get(duration).getAttribute("textContent").trim())
        .matches("\\d+ s|\\d+ min \\d{2} s|\\d+ h \\d{2} min \\d{2} s");
    assertThat(cells.get(duration).findElement(By.cssSelector(".cell")).getAttribute("title")).isEqualTo(seconds);
    WebElement link = cells.get(transcript).findElement(By.cssSelector("a.cell-link"));
    assertThat(link.getAttribute("href")).isEqualTo(csv.get(row).get(transcript));
    browser.wholeWindow();

    // Automatic invites' date is a date, not Unix seconds.
    browser.click(By.cssSelector("a[data-report='automatic-invites']"));
    browser.click(By.id("exports:preview"));
    int date = headers().indexOf("date");
    assertThat(column(date)).isNotEmpty().allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"), "a date");
  }

  @Test
  void errorsAreInPlainWordsNextToTheirFields() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    browser.selectOne("exports:range", "Dates…");
    browser.click(By.id("exports:preview"));
    assertThat(browser.byId("exports:dates-message").getText())
        .isEqualTo("Choose a range, or both a first and a last day.");
    assertThat(browser.all("[id='exports:messages'] .ui-messages-error")).as("no message far from the field").isEmpty();
    browser.type(By.id("exports:dates_input"), "2026-13-45 to 2026-14-01");
    browser.click(By.cssSelector("h1"));
    browser.click(By.id("exports:preview"));
    assertThat(browser.byId("exports:dates-message").getText()).isNotBlank().doesNotContain("exports:");
    WebElement label = browser.css("label[for='exports:dates_input']");
    assertThat(label.getText()).startsWith("Dates (first and last day)");
    assertThat(browser.script("var l = arguments[0]; return l.scrollWidth <= l.clientWidth + 1;", label))
        .as("the label whole").isEqualTo(true);
    browser.screenshots("exports-errors");

    pickDates("exports");
    browser.click(By.id("exports:create-link"));
    browser.click(By.id("exports:link-create"));
    assertThat(browser.byId("exports:link-label-message").getText())
        .isEqualTo("Give the link a label, so that you know it again in the list.");
    browser.type(By.id("exports:link-label"), "it-past-" + System.nanoTime() % 100000);
    browser.type(By.id("exports:link-last-day_input"), "2020-01-01");
    browser.click(By.cssSelector("[id='exports:link-dialog'] .ui-dialog-title"));
    browser.click(By.id("exports:link-create"));
    assertThat(browser.css("[id='exports:link-content'] .ui-message-error").getText())
        .isEqualTo("The last day must be today or later.");
    assertThat(browser.all("#link-url")).isEmpty();
  }

  @Test
  void errorPagesHaveTheConsolesLayout() {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.open("no-such-page");
    assertThat(browser.byId("error-title").getText()).isEqualTo("Page not found");
    assertThat(browser.all(".topbar #nav-exports, .topbar nav a")).isNotEmpty();
    assertThat(browser.script("return getComputedStyle(document.querySelector('.topbar')).backgroundColor;"))
        .isEqualTo("rgb(18, 48, 79)");
    browser.screenshots("error-404");

    String viewer = "error-viewer-" + System.nanoTime() % 100000;
    HttpResponse<String> created =
        api().post(
            "/api/admin/accounts/1/users", OPERATOR_TOKEN, "application/json",
            "{\"username\":\"" + viewer + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    browser.signIn(viewer, PASSWORD);
    browser.open("users.xhtml");
    assertThat(browser.byId("error-title").getText()).isEqualTo("Not for your role");
    assertThat(browser.byId("error-status").getText()).isEqualTo("Error 403");
    browser.screenshots("error-403");
    assertThat(api().get("/api/no-such-thing", acmeViewerToken).headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void pickedColumnsAreAllThePreviewShowsAndAllTheFileHolds() throws Exception {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    // Picked out of the report's order: the preview and the file keep the report's.
    pickColumn("num_messages");
    pickColumn("session_id");
    assertThat(browser.byId("columns-summary").getText()).matches("2 of \\d+ columns");
    browser.click(By.id("exports:preview"));
    assertThat(headers()).containsExactly("session_id", "num_messages");
    String query = criteriaQuery("conversations") + "&columns=session_id,num_messages";
    List<List<String>> csv = csv(apiCsv("conversations", query), ',');
    assertThat(csv.get(0)).containsExactly("session_id", "num_messages");
    assertThat(previewTotal()).isEqualTo(csv.size() - 1);
    assertThat(column(0)).isEqualTo(cells(csv.subList(1, Math.min(21, csv.size())), 0));
    browser.screenshots("exports-columns");

    Path file = freshDownload("conversations_" + FROM + "_" + LAST_DAY + ".csv");
    browser.click(By.id("exports:download"));
    byte[] downloaded = downloaded(file);
    assertThat(csv(downloaded, ',').get(0)).containsExactly("session_id", "num_messages");
    assertThat(downloaded).isEqualTo(apiCsv("conversations", query));
    Files.delete(file);

    // The columns are part of the criteria: another pick marks the preview stale; another report
    // starts with all of its columns.
    pickColumn("duration_total_secs");
    assertThat(browser.byId("stale-note").isDisplayed()).isTrue();
    browser.click(By.cssSelector("a[data-report='hosts']"));
    browser.click(By.id("exports:preview"));
    assertThat(browser.byId("columns-summary").getText()).isEqualTo("All columns");
    assertThat(headers()).hasSize(csv(apiCsv("hosts", criteriaQuery("hosts")), ',').get(0).size());
  }

  @Test
  void prepareFileFollowsTheJobThenOffersItsFileAndManifest() throws Exception {
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='conversations']"));
    pickDates("exports");
    pickColumn("session_id");
    pickColumn("num_messages");
    browser.selectOne("exports:delimiter", "Semicolon ( ; )");
    browser.click(By.id("exports:prepare"));
    assertThat(browser.all("#prepared-progress")).as("the progress bar").hasSize(1);
    browser.waitUntil(
        "the file to be ready",
        d -> "done".equals(browser.css(".prepared-file").getAttribute("data-state")));

    String query =
        criteriaQuery("conversations") + "&columns=session_id,num_messages&delimiter=semicolon";
    byte[] expected = apiCsv("conversations", query);
    int rows = csv(expected, ';').size() - 1;
    assertThat(rows).isGreaterThan(20);
    assertThat(browser.byId("prepared-progress").getAttribute("value")).isEqualTo("100");
    assertThat(browser.byId("prepared-words").getText()).startsWith("Ready: " + rows + " rows, ");
    assertThat(browser.byId("manifest-rows").getText()).isEqualTo(Integer.toString(rows));
    assertThat(browser.byId("manifest-bytes").getText()).isEqualTo(String.format("%,d bytes", expected.length));
    String sha256 = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(expected));
    assertThat(browser.byId("manifest-sha256").getText()).isEqualTo(sha256);

    // The link is the job's own file (the export jobs' one download path), as the API shows it.
    String href = browser.byId("prepared-download").getAttribute("href");
    assertThat(href).matches(".*/api/export-jobs/\\d+/file");
    String jobPath = URI.create(href).getPath().replaceAll("/file$", "");
    JsonObject job = ApiClient.json(api().get(jobPath, acmeViewerToken));
    assertThat(job.getString("state")).isEqualTo("done");
    assertThat(job.getJsonObject("manifest").getString("sha256")).isEqualTo(sha256);
    assertThat(job.getJsonObject("manifest").getJsonObject("criteria").getJsonArray("columns"))
        .extracting(v -> ((jakarta.json.JsonString) v).getString())
        .containsExactly("session_id", "num_messages");
    browser.screenshots("exports-prepared");

    Path file = freshDownload("conversations_" + FROM + "_" + LAST_DAY + ".csv");
    browser.click(By.id("prepared-download"));
    assertThat(downloaded(file)).isEqualTo(expected);
    Files.delete(file);
  }

  @Test
  void exportsAndAPublicLinkWorkWithTheKeyboardAlone() throws Exception {
    browser.signIn(ACME_ADMIN, PASSWORD);
    // The first Tab reaches the skip link, which leads into the page's content.
    browser.press(Keys.TAB);
    assertThat(browser.focused(By.cssSelector("a.skip-link"))).as(browser.focusedElement()).isTrue();
    browser.press(Keys.ENTER);
    assertThat(browser.focused(By.id("main"))).as(browser.focusedElement()).isTrue();

    // Choose a report: the focus stays on it once the form is new.
    By traffic = By.cssSelector("a[data-report='traffic']");
    browser.tabTo(traffic, false, 12);
    browser.press(Keys.ENTER);
    assertThat(browser.byId("criteria-title").getText()).isEqualTo("Traffic");
    assertThat(browser.focused(traffic)).as(browser.focusedElement()).isTrue();

    // The range by arrow keys, the days typed.
    browser.tabTo(By.id("exports:range_label"), false, 12);
    for (int i = 0; i < 10 && !rangeLabel().equals("Dates…"); i++) {
      browser.press(Keys.ARROW_DOWN);
    }
    assertThat(rangeLabel()).isEqualTo("Dates…");
    browser.tabTo(By.id("exports:dates_input"), false, 3);
    browser.press(FROM + " to " + LAST_DAY);
    browser.press(Keys.TAB);
    browser.waitUntil(
        "the days the range covers",
        d -> browser.byId("exports:dates-resolved").getText().equals(FROM + " to " + LAST_DAY + ", " + ZONE));

    // Preview: the focus goes to the preview's heading.
    browser.tabTo(By.id("exports:preview"), false, 40);
    browser.press(Keys.ENTER);
    assertThat(browser.focused(By.id("preview-title"))).as(browser.focusedElement()).isTrue();
    byte[] expected = apiCsv("traffic", criteriaQuery("traffic"));
    assertThat(previewTotal()).isEqualTo(csv(expected, ',').size() - 1);

    // Download, back from the preview's heading.
    Path file = freshDownload("traffic_" + FROM + "_" + LAST_DAY + ".csv");
    browser.tabTo(By.id("exports:download"), true, 6);
    browser.press(Keys.ENTER);
    assertThat(downloaded(file)).isEqualTo(expected);
    Files.delete(file);
    assertThat(browser.focused(By.id("exports:download"))).as(browser.focusedElement()).isTrue();

    // A public link: the dialog opens with the focus on its label; Tab to Create, Enter.
    browser.tabTo(By.id("exports:create-link"), false, 4);
    browser.press(Keys.ENTER);
    browser.waitUntil("the link dialog's label to have the focus", d -> browser.focused(By.id("exports:link-label")));
    String label = "it-keys-" + System.nanoTime() % 100000;
    browser.press(label);
    browser.tabTo(By.id("exports:link-create"), false, 4);
    browser.press(Keys.ENTER);
    // The URL, shown once, has the focus, ready to be copied.
    assertThat(browser.focused(By.id("link-url"))).as(browser.focusedElement()).isTrue();
    String url = browser.byId("link-url").getAttribute("value");
    assertThat(url).startsWith("http://localhost:8080/public/reports/c24p_");
    HttpResponse<byte[]> served = openPublic(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(expected);
    browser.press(Keys.ESCAPE);
    assertThat(browser.byId("exports:link-dialog").isDisplayed()).as("dialog closed by Escape").isFalse();
  }

  @Test
  void everyConsolePageHasNoSeriousAccessibilityViolation() {
    java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
    browser.driver.manage().deleteAllCookies();
    browser.open("login.xhtml");
    found.put("sign-in", browser.seriousAccessibilityViolations());
    browser.open("signout?reason=timeout");
    found.put("sign-in after a timeout", browser.seriousAccessibilityViolations());

    browser.signIn(ACME_ADMIN, PASSWORD);
    found.put("exports", browser.seriousAccessibilityViolations());
    browser.click(By.cssSelector("a[data-report='conversations']"));
    browser.selectOne("exports:range", "Dates…");
    browser.click(By.id("exports:preview"));
    found.put("exports with errors", browser.seriousAccessibilityViolations());
    pickDates("exports");
    browser.click(By.id("exports:preview"));
    browser.click(By.cssSelector("[id='exports:table'] thead th:first-child .column-info"));
    found.put("exports with a preview and a definition", browser.seriousAccessibilityViolations());
    browser.click(By.cssSelector("[id='exports:table'] thead th:first-child .column-info"));
    browser.click(By.id("columns-toggle"));
    found.put("exports, columns picker open", browser.seriousAccessibilityViolations());
    browser.click(By.cssSelector("h1"));
    browser.click(By.id("exports:prepare"));
    browser.waitUntil(
        "the file to be ready",
        d -> "done".equals(browser.css(".prepared-file").getAttribute("data-state")));
    found.put("exports with a prepared file", browser.seriousAccessibilityViolations());
    browser.click(By.id("exports:create-link"));
    found.put("create public link", browser.seriousAccessibilityViolations());
    browser.press("it-axe-" + System.nanoTime() % 100000);
    browser.click(By.id("exports:link-create"));
    found.put("public link created", browser.seriousAccessibilityViolations());

    browser.open("dashboard.xhtml");
    found.put("dashboard", browser.seriousAccessibilityViolations());
    browser.open("transcripts/" + ACME_SESSION);
    found.put("transcript", browser.seriousAccessibilityViolations());
    browser.open("users.xhtml");
    found.put("users and tokens", browser.seriousAccessibilityViolations());
    browser.open("public-links.xhtml");
    found.put("public links", browser.seriousAccessibilityViolations());
    browser.open("public/reports/c24p_no-such-link");
    found.put("a dead public link", browser.seriousAccessibilityViolations());
    browser.open("no-such-page");
    found.put("page not found", browser.seriousAccessibilityViolations());

    String viewer = "axe-viewer-" + System.nanoTime() % 100000;
    assertThat(
            api().post(
                    "/api/admin/accounts/1/users", OPERATOR_TOKEN, "application/json",
                    "{\"username\":\"" + viewer + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}")
                .statusCode())
        .isEqualTo(201);
    browser.signIn(viewer, PASSWORD);
    browser.open("users.xhtml");
    found.put("not for your role", browser.seriousAccessibilityViolations());

    found.values().removeIf(List::isEmpty);
    assertThat(found)
        .as("axe-core violations of impact serious or critical, by page:\n"
            + found.entrySet().stream()
                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void anAdminsAgentFilterHoldsTheContactCentreAgentsServingItsCampaigns() {
    browser.signIn(GLOBEX_ADMIN, PASSWORD);
    browser.click(By.cssSelector("a[data-report='agent-activity']"));
    Object panel =
        browser.script(
            "var p = document.getElementById('exports:agents_panel') || document.getElementById('exports:agents');"
                + " return p ? p.textContent : '';");
    assertThat((String) panel).contains("(2001)").contains("(4001)");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Opens the dialog with the panel's criteria, checks its summary, creates; the URL shown. */
  private String createLink(String label, String summary) {
    browser.click(By.id("exports:create-link"));
    browser.interactable(By.id("exports:link-label"));
    assertThat(browser.byId("link-summary").getText()).isEqualTo(summary);
    browser.type(By.id("exports:link-label"), label);
    browser.click(By.id("exports:link-create"));
    return browser.byId("link-url").getAttribute("value");
  }

  /** Opens the Columns picker, ticks a column by its name in the file, closes the picker. */
  private void pickColumn(String name) {
    browser.click(By.id("columns-toggle"));
    browser.click(
        By.xpath("//table[@id='exports:columns']//label[contains(., '(" + name + ")')]"));
    browser.click(By.cssSelector("h1"));
    assertThat(browser.byId("columns-picker").getAttribute("open")).as("columns picker open").isNull();
  }

  /** The range menu's label as shown. */
  private String rangeLabel() {
    return browser.css("[id='exports:range'] .ui-selectonemenu-label").getText();
  }

  /** Where the browser saves a file of this name, none there yet (tests share the folder). */
  private Path freshDownload(String name) throws IOException {
    Path file = browser.downloads.resolve(name);
    Files.deleteIfExists(file);
    return file;
  }

  /** The file's bytes once the browser finished saving it. */
  private byte[] downloaded(Path file) throws IOException {
    browser.waitUntil(
        "the download of " + file.getFileName() + " to finish",
        d -> Files.exists(file) && !Files.exists(Path.of(file + ".crdownload")));
    return Files.readAllBytes(file);
  }

  /** The cells of the Public links row with this label. */
  private List<String> linkRow(String label) {
    WebElement tr =
        browser.find(
            By.xpath(
                "//tbody[@id='links:link-table_data']/tr[.//span[contains(@class,'link-label') and text()='"
                    + label + "']]"));
    return tr.findElements(By.tagName("td")).stream()
        .map(td -> td.getText().trim())
        .collect(Collectors.toList());
  }

  /**
   * The public URL's path on this deployment (the URL names the configured public base), fetched
   * by a fresh client: no cookies, no credentials, a client address of its own.
   */
  private HttpResponse<byte[]> openPublic(String url) {
    int n = PUBLIC_ADDRESSES.incrementAndGet();
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(api().uri(URI.create(url).getPath()))
                  .header("X-Forwarded-For", "198.51.100." + (1 + n % 250))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens the campaigns menu, ticks the campaign, closes the menu by clicking elsewhere. */
  private void pickCampaign(String id) {
    browser.click(By.cssSelector("[id='exports:campaigns'] .ui-selectcheckboxmenu-trigger"));
    browser.click(
        By.xpath(
            "//div[@id='exports:campaigns_panel']//li[.//label[contains(., '(" + id + ")')]]"
                + "//div[contains(@class,'ui-chkbox-box')]"));
    browser.click(By.cssSelector("h1"));
    assertThat(browser.byId("exports:campaigns_panel").isDisplayed()).as("campaigns panel open").isFalse();
    assertThat(browser.byId("exports:campaigns").getText()).contains("(" + id + ")");
  }

  /** Clicks a column header (scrolled into view first) and waits for the rows in that order. */
  private void sortBy(String header, Comparator<Integer> order, int index) {
    browser.script(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", browser.css(header));
    browser.click(By.cssSelector(header + " .ui-sortable-column-icon"));
    browser.waitUntil(
        "the rows sorted by column " + index,
        d -> {
          List<Integer> shown = numbers(index);
          List<Integer> sorted = new ArrayList<>(shown);
          sorted.sort(order);
          return !shown.isEmpty() && shown.equals(sorted);
        });
  }

  private List<Integer> numbers(int index) {
    return column(index).stream().map(Integer::parseInt).collect(Collectors.toList());
  }

  /**
   * The range picker: "Dates…", then the first and last day typed as people type them, then a
   * click elsewhere; the field keeps the range as typed (the picker parsed it).
   */
  private void pickDates(String form) {
    browser.selectOne(form + ":range", "Dates…");
    By dates = By.id(form + ":dates_input");
    browser.clear(dates);
    browser.type(dates, FROM + " to " + LAST_DAY);
    browser.click(By.cssSelector("h1"));
    assertThat(browser.find(dates).getAttribute("value")).isEqualTo(FROM + " to " + LAST_DAY);
  }

  /** The copy button confirms once the clipboard took the text (asynchronously). */
  private void copied(String button) {
    browser.waitUntil(button + " to say Copied", d -> browser.byId(button).getText().equals("Copied"));
  }

  private String criteriaQuery(String report) {
    boolean ranged = !report.equals("agents") && !report.equals("hosts");
    return (ranged ? "from=" + FROM + "&to=" + TO + "&" : "") + "tz=" + ZONE;
  }

  /** The preview's columns by their spec names (each title's definition button carries it). */
  private List<String> headers() {
    return browser.all("[id='exports:table'] thead th .column-info").stream()
        .map(b -> b.getAttribute("data-column"))
        .collect(Collectors.toList());
  }

  private String pageReport() {
    return browser.css("[id='exports:table'] .ui-paginator-current").getText();
  }

  /** The cells of the Users row with this username. */
  private List<String> userCells(String username) {
    WebElement tr =
        browser.find(
            By.xpath(
                "//tbody[@id='users:user-table_data']/tr[.//span[contains(@class,'user-name') and text()='"
                    + username + "']]"));
    return tr.findElements(By.tagName("td")).stream()
        .map(td -> td.getText().trim())
        .collect(Collectors.toList());
  }

  /** Whether these credentials open a console session (a page, not the way to the sign-in). */
  private boolean signedIn(String username, String password) {
    ApiClient client = api();
    client.signIn(username, password);
    return client.get("/index.xhtml", null).statusCode() == 200;
  }

  private int previewTotal() {
    String report = browser.css("[id='exports:table'] .ui-paginator-current").getText();
    return Integer.parseInt(report.replaceAll(".* of (\\d+) rows.*", "$1"));
  }

  private List<String> column(int index) {
    return browser.all("[id='exports:table_data'] tr").stream()
        .map(tr -> tr.findElements(By.tagName("td")))
        .filter(tds -> tds.size() > index)
        .map(tds -> tds.get(index).getAttribute("textContent").trim())
        .collect(Collectors.toList());
  }

  private static List<String> cells(List<List<String>> rows, int index) {
    return rows.stream().map(r -> r.get(index)).collect(Collectors.toList());
  }

  private ApiClient api() {
    return new ApiClient(base);
  }

  private byte[] apiCsv(String report, String query) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api().uri("/api/exports/" + report + "?" + query))
                      .header("Authorization", "Bearer " + acmeViewerToken)
                      .header("Accept", "text/csv")
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(report + "?" + query).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 records (the BOM, if any, dropped). */
  static List<List<String>> csv(byte[] bytes, char delimiter) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return records;
  }

  /** The worked example's events, two users and a viewer token of Acme (account 1). */
  private void arrange() throws IOException {
    if (arranged) {
      return;
    }
    ApiClient client = api();
    try (InputStream in = ConsoleIT.class.getResourceAsStream("/examples/events.ndjson")) {
      String events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.post("/api/events", OPERATOR_TOKEN, "application/x-ndjson", events).statusCode())
          .isEqualTo(200);
    }
    createUser(client, 1, ACME_ADMIN);
    createUser(client, 2, GLOBEX_ADMIN);
    HttpResponse<String> token =
        client.post(
            "/api/admin/accounts/1/tokens", OPERATOR_TOKEN, "application/json",
            "{\"label\":\"console-it\",\"role\":\"viewer\"}");
    assertThat(token.statusCode()).isEqualTo(201);
    acmeViewerToken = ApiClient.json(token).getString("token");
    arranged = true;
  }

  private static void createUser(ApiClient client, long account, String username) {
    HttpResponse<String> created =
        client.post(
            "/api/admin/accounts/" + account + "/users", OPERATOR_TOKEN, "application/json",
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}");
    assertThat(created.statusCode()).as(created.body()).isIn(201);
  }


  /**
   * Deliveries (issue 19): an admin creates a saved export on the Deliveries page, sends it now,
   * and sees the delivery in the log and the mail in the embedded mailbox the page reads (the
   * tests' GreenMail, as the run command's); a viewer reads the page without its buttons.
   */
  @Test
  void aSavedExportSentNowIsInTheLogAndTheEmbeddedMailbox() {
    String label = "Console delivery " + System.nanoTime() % 100000;
    browser.signIn(ACME_ADMIN, PASSWORD);
    browser.click(By.id("nav-deliveries"));
    assertThat(browser.css("h1").getText()).isEqualTo("Deliveries");
    browser.type(By.id("deliveries:label"), label);
    browser.clear(By.id("deliveries:tz"));
    browser.type(By.id("deliveries:tz"), "Europe/Amsterdam");
    browser.type(By.id("deliveries:to"), com.conversation24.app.runner.EmbeddedMailbox.ADDRESS);
    browser.click(By.id("deliveries:save"));
    assertThat(browser.css("[id='deliveries:messages']").getText()).contains("Saved export " + label);

    browser.click(By.cssSelector("button.send-now[data-saved='" + label + "']"));
    assertThat(browser.byId("log-title").getText()).isEqualTo("Delivery log: " + label);
    browser.waitUntil(
        "the delivery to be logged as delivered",
        d -> {
          browser.click(By.id("deliveries:refresh-log"));
          return browser.all("[id='deliveries:log-table'] .attempt-outcome").stream()
              .anyMatch(e -> e.getText().equals("delivered"));
        });
    String answer = browser.css("[id='deliveries:log-table'] .attempt-answer").getText();
    assertThat(answer).startsWith("250");
    String deliveryId = browser.css("[id='deliveries:log-table'] .delivery-id").getText();

    browser.waitUntil(
        "the mail in the embedded mailbox",
        d -> {
          browser.click(By.id("deliveries:refresh-mailbox"));
          return browser.all("[id='deliveries:mail-table'] .mail-subject").stream()
              .anyMatch(e -> e.getText().startsWith(label + ": Conversations"));
        });
    assertThat(browser.all("[id='deliveries:mail-table'] .mail-id").stream().map(WebElement::getText))
        .anyMatch(id -> id.contains(deliveryId));
    assertThat(com.conversation24.app.testing.TestMailbox.ofDelivery(deliveryId)).hasSize(1);
    browser.screenshots("deliveries");

    String viewer = "deliveries-viewer-" + System.nanoTime() % 100000;
    HttpResponse<String> created =
        api().post(
            "/api/admin/accounts/1/users", OPERATOR_TOKEN, "application/json",
            "{\"username\":\"" + viewer + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    browser.signIn(viewer, PASSWORD);
    browser.click(By.id("nav-deliveries"));
    assertThat(browser.all(".saved-label").stream().map(WebElement::getText)).contains(label);
    assertThat(browser.all("button.send-now")).isEmpty();
    assertThat(browser.all("[id='deliveries:save']")).isEmpty();
  }
}
