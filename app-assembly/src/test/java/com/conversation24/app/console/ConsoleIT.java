package com.conversation24.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
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
    browser.signIn(ACME_ADMIN, PASSWORD);
    assertThat(browser.byId("account").getText()).isEqualTo("Acme Shop (1)");
    assertThat(browser.byId("caller").getText()).isEqualTo(ACME_ADMIN);
    assertThat(browser.all("#nav-users")).hasSize(1);
    // The time zone defaults to the browser's.
    assertThat(browser.byId("exports:tz_input").getAttribute("value")).isEqualTo(ZONE);
    assertThat(browser.all(".report-link")).hasSize(8);
    browser.screenshot("exports");
    pickDates("exports");

    JsonObject catalogue = ApiClient.json(api().get("/api/exports", acmeViewerToken));
    for (JsonValue value : catalogue.getJsonArray("reports")) {
      JsonObject report = value.asJsonObject();
      String name = report.getString("name");
      browser.click(By.cssSelector("a[data-report='" + name + "']"));
      assertThat(browser.byId("criteria-title").getText()).isEqualTo(report.getString("title"));
      assertThat(browser.css("li.report.selected .report-description").getText())
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
    assertThat(browser.css(header).getText()).isEqualTo("num_messages");
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
    browser.screenshot("exports-preview");
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

    Path file = browser.downloads.resolve("conversations_" + FROM + "_" + TO + ".csv");
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
    browser.screenshot("transcript");

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
    browser.screenshot("dashboard");
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

    String label = "it-token-" + System.nanoTime() % 100000;
    browser.type(By.id("users:token-label"), label);
    browser.click(By.id("users:create-token"));
    String secret = browser.byId("issued-secret").getAttribute("value");
    assertThat(secret).startsWith("c24t_");
    browser.click(By.id("copy-secret"));
    copied("copy-secret");
    browser.screenshot("users");
    assertThat(api().get("/api/exports/agents", secret).statusCode()).isEqualTo(200);

    browser.click(By.cssSelector("button.revoke[data-token='" + label + "']"));
    browser.click(By.id("users:confirm-yes"));
    assertThat(browser.all("#issued-secret")).isEmpty();
    assertThat(api().get("/api/exports/agents", secret).statusCode()).isEqualTo(401);
    browser.open("users.xhtml");
    assertThat(browser.all("#issued-secret")).isEmpty();

    ApiClient asViewer = api();
    asViewer.signIn(viewer, PASSWORD);
    assertThat(asViewer.get("/users.xhtml", null).statusCode()).isEqualTo(403);
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
    browser.screenshot("public-link-created");

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
    browser.screenshot("public-links");

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
    browser.click(By.id("nav-links"));
    browser.waitUntil("the Public links page", d -> d.getCurrentUrl().contains("public-links.xhtml"));
    browser.selectOne("links:account", "Acme Shop (1)");
    assertThat(linkRow(label).get(5)).isEqualTo("2099-12-31 23:00 UTC");
    assertThat(linkRow(label).get(8)).isEqualTo("active");
    assertThat(browser.all("button.rotate")).isEmpty();
    browser.click(By.cssSelector("button.revoke[data-link='" + label + "']"));
    browser.click(By.id("links:confirm-yes"));
    assertThat(linkRow(label).get(8)).isEqualTo("revoked");
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
    browser.click(By.cssSelector(header));
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

  private List<String> headers() {
    return browser.all("[id='exports:table'] thead th .ui-column-title").stream()
        .map(WebElement::getText)
        .collect(Collectors.toList());
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

}
