package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.ApiClient;
import com.conversation24.app.testing.Deployments;
import com.conversation24.app.testing.PlatformTest;
import com.conversation24.app.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export API as a client sees it (issue 5): every report with every criterion, format and
 * option, read back with an independent RFC 4180 parser (Commons CSV, not the FastCSV that writes)
 * and compared with the worked example's rows filtered as the criteria say; people's text with
 * spreadsheet formulas, quotes, line breaks and other scripts; tenancy for admins and viewers;
 * problem documents; and an export whose database connection dies midway ending as a broken
 * transfer, not a short file.
 *
 * <p>Every test starts from the worked example alone ({@link TestDatabase#forgetEvents()}) and adds
 * what it needs in accounts and days of its own.
 */
@PlatformTest
@RunAsClient
class ExportsApiIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final String JSON = "application/json";
  private static final String NDJSON = "application/x-ndjson";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String EXAMPLE_RANGE = "from=2026-10-23&to=2026-10-28";

  private static final List<String> REPORTS =
      List.of(
          "agent-activity",
          "agent-performance",
          "agents",
          "conversations",
          "automatic-invites",
          "hosts",
          "traffic",
          "slots");

  /** REPORTS.md: Agents and Hosts take no range and no campaign or agent filter. */
  private static final Set<String> WITHOUT_RANGE = Set.of("agents", "hosts");

  /** REPORTS.md: Agent activity, Agent performance and Slots also take agent_id. */
  private static final Set<String> AGENT_FILTERED =
      Set.of("agent-activity", "agent-performance", "slots");

  /**
   * REPORTS.md "The CSV file": the text columns (names, username, email, hostname, comments,
   * reasons, identifiers, URLs, codes, goals), the only ones a spreadsheet guard may touch.
   */
  private static final Map<String, Set<String>> TEXT_COLUMNS =
      Map.of(
          "agent-activity", Set.of(),
          "agent-performance", Set.of("chatcampaign_name"),
          "agents", Set.of("username", "firstname", "lastname", "email"),
          "conversations",
              Set.of(
                  "assigned_agent_account_name",
                  "last_agent_account_name",
                  "requestSource",
                  "transcriptUrl",
                  "acceptUrl",
                  "successcode",
                  "survey_comment",
                  "visitor_identifier",
                  "block_reason",
                  "goals"),
          "automatic-invites", Set.of("filter_name"),
          "hosts", Set.of("hostname"),
          "traffic", Set.of("entrypoint"),
          "slots", Set.of());

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The example's accounts: 1 (Acme Shop) and 2 (Globex) have campaigns, agents and hosts. */
  private static final long ACCOUNT_A = 1;

  private static final long ACCOUNT_B = 2;

  private static String adminA;
  private static String viewerA;
  private static String adminB;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private ApiClient api;

  @BeforeEach
  void onlyTheWorkedExampleIsStored() throws Exception {
    api = new ApiClient(base);
    TestDatabase.forgetEvents();
    JsonObject answer =
        ApiClient.json(api.post("/api/events", OPERATOR, NDJSON, resource("events.ndjson")));
    assertThat(answer.getInt("accepted")).isEqualTo(3932);
    synchronized (ExportsApiIT.class) {
      if (adminA == null) {
        adminA = token(ACCOUNT_A, "admin");
        viewerA = token(ACCOUNT_A, "viewer");
        adminB = token(ACCOUNT_B, "admin");
      }
    }
  }

  // ---------------------------------------------------------------- reports, formats, options

  @Test
  void everyReportInEveryFormatAndOptionCarriesTheExamplesRows() throws IOException {
    for (String zone : List.of("UTC", "Europe/Amsterdam")) {
      for (String report : REPORTS) {
        String query = "/api/exports/" + report + "?" + EXAMPLE_RANGE + "&tz=" + zone;
        String what = report + " in " + zone;

        HttpResponse<byte[]> plain = bytes(query, OPERATOR, null);
        assertThat(plain.statusCode()).as(what).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).as(what).hasValue("text/csv;charset=UTF-8");
        assertThat(plain.headers().firstValue("Content-Disposition"))
            .as(what)
            .hasValue("attachment; filename=\"" + fileName(report, "2026-10-23", "2026-10-28") + "\"");
        assertThat(plain.body()[0]).as(what + ": no BOM unless asked").isNotEqualTo((byte) 0xEF);
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(text).as(what).endsWith("\r\n");
        Table csv = Table.parse(text, ',');
        assertThat(csv.withActivityIdsStarred()).as(what).isEqualTo(example(zone, report));

        Table semicolon = Table.parse(api.get(query + "&delimiter=semicolon", OPERATOR).body(), ';');
        assertThat(semicolon).as(what + " with semicolons").isEqualTo(csv);

        byte[] withBom = bytes(query + "&bom=true", OPERATOR, null).body();
        assertThat(Arrays.copyOf(withBom, 3)).as(what).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(Table.parse(new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8), ','))
            .as(what + " with a BOM")
            .isEqualTo(csv);
        byte[] both = bytes(query + "&bom=true&delimiter=semicolon", OPERATOR, null).body();
        assertThat(Table.parse(new String(both, 3, both.length - 3, StandardCharsets.UTF_8), ';'))
            .as(what + " with a BOM and semicolons")
            .isEqualTo(csv);

        HttpResponse<String> json = api.get(query, OPERATOR, JSON);
        assertThat(json.headers().firstValue("Content-Type")).as(what).hasValue("application/json;charset=UTF-8");
        List<JsonObject> objects =
            ApiClient.jsonArray(json.body()).stream().map(JsonValue::asJsonObject).toList();
        assertSameCells(report, objects, csv, what + " as JSON");

        HttpResponse<String> ndjson = api.get(query, OPERATOR, NDJSON);
        assertThat(ndjson.headers().firstValue("Content-Type")).as(what).hasValue("application/x-ndjson;charset=UTF-8");
        assertSameCells(
            report, ndjson.body().lines().map(ApiClient::json).toList(), csv, what + " as NDJSON");
      }
    }
  }

  @Test
  void xlsxAndChosenColumnsCarryTheCsvsCells() throws IOException {
    String zone = "Europe/Amsterdam";
    for (String report : REPORTS) {
      String query = "/api/exports/" + report + "?" + EXAMPLE_RANGE + "&tz=" + zone;
      Table csv = csv(query, OPERATOR);
      // By format= for most, by Accept for one: the same workbook.
      HttpResponse<byte[]> xlsx =
          report.equals("slots") ? bytes(query, OPERATOR, XLSX) : bytes(query + "&format=xlsx", OPERATOR, null);
      assertThat(xlsx.statusCode()).as(report).isEqualTo(200);
      assertThat(xlsx.headers().firstValue("Content-Type")).as(report).hasValue(XLSX);
      assertThat(xlsx.headers().firstValue("Content-Disposition"))
          .as(report)
          .hasValue(
              "attachment; filename=\""
                  + fileName(report, "2026-10-23", "2026-10-28").replace(".csv", ".xlsx")
                  + "\"");
      assertThat(workbookTable(report, xlsx.body())).as(report + " as XLSX").isEqualTo(csv);
    }

    String conversations = "/api/exports/conversations?" + EXAMPLE_RANGE + "&tz=" + zone;
    Table all = csv(conversations, OPERATOR);
    Table chosen = csv(conversations + "&columns=handlingType,session_id,chatcampaign_id,session_id", OPERATOR);
    assertThat(chosen.header()).containsExactly("chatcampaign_id", "session_id", "handlingType");
    assertThat(chosen.rows()).hasSameSizeAs(all.rows()).isNotEmpty();
    for (int i = 0; i < all.rows().size(); i++) {
      Map<String, String> row = all.records().get(i);
      assertThat(chosen.rows().get(i))
          .containsExactly(row.get("chatcampaign_id"), row.get("session_id"), row.get("handlingType"));
    }
    HttpResponse<byte[]> chosenXlsx =
        bytes(conversations + "&columns=handlingType,session_id,chatcampaign_id&format=xlsx", OPERATOR, null);
    assertThat(workbookTable("conversations", chosenXlsx.body())).isEqualTo(chosen);
  }

  /**
   * A workbook read back by Apache POI as the CSV would print it: the header, then every row with
   * numbers as their figures, date cells as {@code YYYY-MM-DD HH:MM:SS} or {@code HH:MM:SS}, and
   * text guarded as CSV guards text columns (the workbook needs no guard: a text cell is text).
   */
  private static Table workbookTable(String report, byte[] body) throws IOException {
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(body))) {
      assertThat(workbook.getNumberOfSheets()).as(report).isEqualTo(1);
      Sheet sheet = workbook.getSheetAt(0);
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      List<List<String>> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
          Cell cell = row == null ? null : row.getCell(c);
          cells.add(printed(cell, TEXT_COLUMNS.get(report).contains(header.get(c))));
        }
        rows.add(cells);
      }
      return new Table(header, rows);
    }
  }

  private static String printed(Cell cell, boolean textColumn) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return "";
    }
    if (cell.getCellType() == CellType.STRING) {
      return textColumn ? guarded(cell.getStringCellValue()) : cell.getStringCellValue();
    }
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    if (DateUtil.isCellDateFormatted(cell)) {
      String pattern =
          cell.getCellStyle().getDataFormatString().equals("hh:mm:ss") ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";
      return cell.getLocalDateTimeCellValue().format(DateTimeFormatter.ofPattern(pattern));
    }
    BigDecimal figure = BigDecimal.valueOf(cell.getNumericCellValue());
    return cell.getCellStyle().getDataFormatString().equals("0.00")
        ? figure.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
        : figure.toBigIntegerExact().toString();
  }

  @Test
  void rfc3339BoundsSelectLikeTheLocalDatesOfTheSameInstants() throws IOException {
    // 00:00 of 2026-10-23 and of 2026-10-28 in each zone, as instants with various offsets.
    Map<String, List<String>> bounds =
        Map.of(
            "UTC",
            List.of(
                "from=2026-10-23T00:00:00Z&to=2026-10-28T00:00:00.000Z",
                "from=2026-10-23T02:00:00%2B02:00&to=2026-10-27T23:00:00-01:00"),
            "Europe/Amsterdam",
            List.of(
                "from=2026-10-22T22:00:00Z&to=2026-10-27T23:00:00Z",
                "from=2026-10-23T00:00:00%2B02:00&to=2026-10-28T00:00:00%2B01:00"));
    for (Map.Entry<String, List<String>> zone : bounds.entrySet()) {
      for (String range : zone.getValue()) {
        for (String report : REPORTS) {
          String query = "/api/exports/" + report + "?" + range + "&tz=" + zone.getKey();
          HttpResponse<String> export = api.get(query, OPERATOR);
          assertThat(export.headers().firstValue("Content-Disposition"))
              .as(query)
              .hasValue("attachment; filename=\"" + fileName(report, "2026-10-23", "2026-10-28") + "\"");
          assertThat(csv(query, OPERATOR).withActivityIdsStarred()).as(query).isEqualTo(example(zone.getKey(), report));
        }
      }
    }
  }

  @Test
  void repeatedCampaignAndAgentFiltersKeepExactlyTheMatchingRows() throws IOException {
    Set<String> campaigns = Set.of("11", "21");
    Set<String> agents = Set.of("1001", "4001");
    for (String report : REPORTS) {
      Table all = example("UTC", report);
      Table byCampaign = takesCampaigns(report) ? all.where("chatcampaign_id", campaigns::contains) : all;
      Table byAgent = AGENT_FILTERED.contains(report) ? all.where("agent_id", agents::contains) : all;
      Table byBoth =
          AGENT_FILTERED.contains(report) ? byCampaign.where("agent_id", agents::contains) : byCampaign;
      if (takesCampaigns(report)) {
        assertThat(byCampaign.rows()).as(report).isNotEmpty().hasSizeLessThan(all.rows().size());
      }
      if (AGENT_FILTERED.contains(report)) {
        assertThat(byAgent.rows()).as(report).isNotEmpty().hasSizeLessThan(all.rows().size());
        assertThat(byBoth.rows()).as(report).isNotEmpty().hasSizeLessThan(byAgent.rows().size());
      }

      String query = "/api/exports/" + report + "?" + EXAMPLE_RANGE + "&tz=UTC";
      String campaignQuery = "&chatcampaign_id=11&chatcampaign_id=21";
      String agentQuery = "&agent_id=1001&agent_id=4001";
      assertThat(csv(query + campaignQuery, OPERATOR).withActivityIdsStarred()).as(report).isEqualTo(byCampaign);
      assertThat(csv(query + agentQuery, OPERATOR).withActivityIdsStarred()).as(report).isEqualTo(byAgent);
      assertThat(csv(query + campaignQuery + agentQuery, OPERATOR).withActivityIdsStarred())
          .as(report)
          .isEqualTo(byBoth);
    }
  }

  @Test
  void anOperatorsAccountIdKeepsThoseAccountsRows() throws IOException {
    Map<String, String> owners = campaignOwners();
    for (String report : REPORTS) {
      Table all = example("UTC", report);
      String query = "/api/exports/" + report + "?" + EXAMPLE_RANGE + "&tz=UTC";

      Table ofB = ofAccounts(report, all, Set.of("2"), owners);
      assertThat(ofB.rows()).as(report).isNotEmpty();
      assertThat(csv(query + "&account_id=2", OPERATOR).withActivityIdsStarred()).as(report).isEqualTo(ofB);

      Table ofOneAndThree = ofAccounts(report, all, Set.of("1", "3"), owners);
      assertThat(csv(query + "&account_id=1&account_id=3", OPERATOR).withActivityIdsStarred())
          .as(report)
          .isEqualTo(ofOneAndThree);

      // A campaign of account 1 asked with account 2: nothing (a report without the filter ignores it).
      Table none = takesCampaigns(report) ? ofB.where("chatcampaign_id", "11"::equals) : ofB;
      assertThat(csv(query + "&account_id=2&chatcampaign_id=11", OPERATOR).withActivityIdsStarred())
          .as(report)
          .isEqualTo(none);
    }
  }

  @Test
  void relativeRangesAreTheWholeLocalDaysBeforeNowInTheZone() throws Exception {
    // A campaign of its own with a chat every few days back from now, so that each range holds
    // some of them; the relative ranges are read against the clock of this machine, which the
    // server shares (the application has no clock a black-box test could set).
    long account = 8901;
    long campaign = 890101;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Instant> starts =
        List.of(0, 1, 3, 6, 8, 20, 29, 31, 40, 62).stream()
            .map(days -> now.minus(Duration.ofDays(days)).minusSeconds(5))
            .toList();
    Events events = new Events();
    events.add("account.updated", now.minus(Duration.ofDays(90)), o("account_id", account).add("name", "Relative"));
    events.add("campaign.updated", now.minus(Duration.ofDays(90)),
        o("chatcampaign_id", campaign).add("account_id", account).add("name", "Relative"));
    events.add("entrypoint.updated", now.minus(Duration.ofDays(90)),
        o("entrypoint_id", campaign * 10).add("chatcampaign_id", campaign).add("name", "Chat").add("type", "button"));
    for (int i = 0; i < starts.size(); i++) {
      events.add("conversation.started", starts.get(i),
          o("session_id", "rel-" + i).add("chatcampaign_id", campaign).add("visitor_id", "v-rel-" + i)
              .add("entrypoint_id", campaign * 10));
    }
    ingest(events);

    for (String zone : List.of("UTC", "Pacific/Kiritimati", "America/Los_Angeles")) {
      for (String range : List.of("today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month")) {
        assertRangeMatchesItsDates(zone, range, account, starts);
      }
    }
  }

  private void assertRangeMatchesItsDates(String zone, String range, long account, List<Instant> starts)
      throws IOException {
    for (int attempt = 0; ; attempt++) {
      ZoneId tz = ZoneId.of(zone);
      LocalDate today = LocalDate.now(Clock.system(tz));
      LocalDate[] days = namedRange(range, today);
      Instant from = days[0].atStartOfDay(tz).toInstant();
      Instant to = days[1].atStartOfDay(tz).toInstant();
      Map<String, HttpResponse<String>> byRange = new LinkedHashMap<>();
      Map<String, HttpResponse<String>> byDates = new LinkedHashMap<>();
      for (String report : REPORTS) {
        String common = "/api/exports/" + report + "?tz=" + zone;
        byRange.put(report, api.get(common + "&range=" + range, OPERATOR));
        byDates.put(report, api.get(common + "&from=" + days[0] + "&to=" + days[1], OPERATOR));
      }
      HttpResponse<String> own =
          api.get("/api/exports/conversations?tz=" + zone + "&range=" + range + "&account_id=" + account, OPERATOR, NDJSON);
      if (!LocalDate.now(Clock.system(tz)).equals(today)) {
        assertThat(attempt).as("midnight passed twice").isZero();
        continue; // midnight passed in the zone while asking: ask again for the new day
      }
      for (String report : REPORTS) {
        String what = report + " " + range + " in " + zone;
        assertThat(byRange.get(report).statusCode()).as(what).isEqualTo(200);
        assertThat(byRange.get(report).headers().firstValue("Content-Disposition"))
            .as(what)
            .hasValue("attachment; filename=\"" + fileName(report, days[0].toString(), days[1].toString()) + "\"");
        assertThat(byRange.get(report).body()).as(what).isEqualTo(byDates.get(report).body());
      }
      Set<String> expected = new TreeSet<>();
      for (int i = 0; i < starts.size(); i++) {
        if (!starts.get(i).isBefore(from) && starts.get(i).isBefore(to)) {
          expected.add("rel-" + i);
        }
      }
      Set<String> sessions =
          own.body().lines().map(ApiClient::json).map(o -> o.getString("session_id")).collect(Collectors.toCollection(TreeSet::new));
      assertThat(sessions).as(range + " in " + zone + " [" + from + ", " + to + ")").isEqualTo(expected);
      return;
    }
  }

  /** REPORTS.md "Criteria": the first day and the exclusive end day of a named range. */
  private static LocalDate[] namedRange(String range, LocalDate today) {
    LocalDate first = today.withDayOfMonth(1);
    switch (range) {
      case "today":
        return new LocalDate[] {today, today.plusDays(1)};
      case "yesterday":
        return new LocalDate[] {today.minusDays(1), today};
      case "last_7_days":
        return new LocalDate[] {today.minusDays(7), today};
      case "last_30_days":
        return new LocalDate[] {today.minusDays(30), today};
      case "this_month":
        return new LocalDate[] {first, first.plusMonths(1)};
      case "last_month":
        return new LocalDate[] {first.minusMonths(1), first};
      default:
        throw new IllegalArgumentException(range);
    }
  }

  // ---------------------------------------------------------------- people's text

  /** Text as people type it: formulas, signs, control characters, quotes, other scripts. */
  private static final List<String> TYPED =
      List.of(
          "=cmd|' /C calc'!A0",
          "+1",
          "-2+3",
          "@x",
          "\tTab first",
          "\rCR first",
          "She said \"hi\", then; left",
          "two\nlines\r\nand a third",
          "こんにちは、世界",
          "مرحبا بالعالم",
          "🙂👍🏽 fine");

  @Test
  void peoplesTextComesOutGuardedAndOtherwiseIntact() throws IOException {
    Events events = new Events();
    Instant t0 = Instant.parse("2026-09-15T08:00:00Z");
    for (int i = 0; i < TYPED.size(); i++) {
      String typed = TYPED.get(i);
      long n = 8800 + i;
      long campaign = n * 10 + 1;
      long button = n * 100 + 1;
      long invite = n * 100 + 2;
      String session = "inj-" + n;
      Instant t = t0.plus(Duration.ofMinutes(20L * i));
      events.add("account.updated", t0.minusSeconds(3600), o("account_id", n).add("name", typed));
      events.add("campaign.updated", t0.minusSeconds(3600),
          o("chatcampaign_id", campaign).add("account_id", n).add("name", typed));
      events.add("entrypoint.updated", t0.minusSeconds(3600),
          o("entrypoint_id", button).add("chatcampaign_id", campaign).add("name", typed).add("type", "button"));
      events.add("entrypoint.updated", t0.minusSeconds(3600),
          o("entrypoint_id", invite).add("chatcampaign_id", campaign).add("name", typed).add("type", "invite"));
      events.add("host.updated", t0.minusSeconds(3600), o("host_id", n).add("account_id", n).add("hostname", typed));
      events.add("agent.updated", t0.minusSeconds(3600),
          o("agent_id", n).add("account_id", n).add("username", typed + "@acme")
              .add("firstname", typed).add("lastname", typed).add("email", typed));
      events.add("agent.logged_in", t, o("agent_id", n).add("workshift_id", "ws-" + n));
      events.add("agent.state_changed", t.plusSeconds(60),
          o("agent_id", n).add("chatcampaign_id", campaign).add("state", "online"));
      events.add("page.viewed", t.plusSeconds(70),
          o("chatcampaign_id", campaign).add("visitor_id", "v-" + n).add("host_id", n).add("url", typed)
              .add("entrypoint_ids", Json.createArrayBuilder().add(button)));
      events.add("entrypoint.viewed", t.plusSeconds(80), o("entrypoint_id", button).add("visitor_id", "v-" + n));
      events.add("invite.outcome", t.plusSeconds(90),
          o("entrypoint_id", invite).add("visitor_id", "v-" + n).add("outcome", "shown"));
      events.add("conversation.started", t.plusSeconds(120),
          o("session_id", session).add("chatcampaign_id", campaign).add("visitor_id", "v-" + n)
              .add("entrypoint_id", button).add("host_id", n).add("visitor_identifier", typed)
              .add("accept_url", typed));
      events.add("conversation.assigned", t.plusSeconds(121), o("session_id", session).add("agent_id", n));
      events.add("conversation.message", t.plusSeconds(180),
          o("session_id", session).add("author", "visitor").add("text", typed));
      events.add("conversation.message", t.plusSeconds(240),
          o("session_id", session).add("author", "agent").add("agent_id", n).add("text", typed));
      events.add("conversation.success_code_set", t.plusSeconds(300), o("session_id", session).add("code", typed));
      events.add("conversation.survey_submitted", t.plusSeconds(301),
          o("session_id", session).add("result", "good").add("comment", typed));
      events.add("conversation.goal_reached", t.plusSeconds(302),
          o("session_id", session).add("goal", goal(typed)).add("value", new BigDecimal("-2.5")));
      events.add("visitor.blocked", t.plusSeconds(303),
          o("session_id", session).add("agent_id", n).add("reason", typed));
      events.add("conversation.closed", t.plusSeconds(360), o("session_id", session));
      events.add("agent.logged_out", t.plusSeconds(600), o("agent_id", n).add("workshift_id", "ws-" + n));
    }
    ingest(events);

    String accounts =
        IntStream.range(0, TYPED.size()).mapToObj(i -> "&account_id=" + (8800 + i)).collect(Collectors.joining());
    for (char delimiter : new char[] {',', ';'}) {
      String options = "?from=2026-09-15&to=2026-09-16&tz=UTC" + accounts + (delimiter == ';' ? "&delimiter=semicolon" : "");
      Map<String, Table> csv = new HashMap<>();
      Map<String, List<JsonObject>> json = new HashMap<>();
      for (String report : REPORTS) {
        csv.put(report, csv("/api/exports/" + report + options, OPERATOR, delimiter));
        json.put(report, ApiClient.jsonArray(api.get("/api/exports/" + report + options, OPERATOR, JSON).body())
            .stream().map(JsonValue::asJsonObject).toList());
        // Numbers, ids, times and enums are never prefixed, not even a negative figure.
        for (Map<String, String> row : csv.get(report).records()) {
          row.forEach((column, cell) -> {
            if (!TEXT_COLUMNS.get(report).contains(column)) {
              assertThat(cell).as(report + "." + column).doesNotStartWith("'");
            }
          });
        }
        assertSameCells(report, json.get(report), csv.get(report), report + " as JSON");
      }

      for (int i = 0; i < TYPED.size(); i++) {
        String typed = TYPED.get(i);
        long n = 8800 + i;
        String id = Long.toString(n);
        String campaign = Long.toString(n * 10 + 1);
        String what = "text " + i + " " + Json.createValue(typed);

        Map<String, String> conversation = one(csv.get("conversations"), "session_id", "inj-" + n, what);
        for (String column :
            List.of("assigned_agent_account_name", "last_agent_account_name", "requestSource", "acceptUrl",
                "successcode", "survey_comment", "visitor_identifier", "block_reason")) {
          assertThat(conversation.get(column)).as(what + " in " + column).isEqualTo(guarded(typed));
        }
        assertThat(conversation.get("goals")).as(what).isEqualTo(guarded(goal(typed)));
        assertThat(conversation.get("totalGoalValue")).as(what).isEqualTo("-2.50");
        assertThat(conversation.get("num_messages")).as(what).isEqualTo("2");
        // Lengths in code points: the text arrived whole, surrogate pairs and all.
        assertThat(conversation.get("maxMessageLength"))
            .as(what)
            .isEqualTo(Integer.toString(typed.codePointCount(0, typed.length())));
        assertThat(conversation.get("transcriptUrl")).isEqualTo("http://localhost:8080/transcripts/inj-" + n);
        assertThat(conversation.get("handlingType")).isEqualTo("self");
        JsonObject conversationJson = oneJson(json.get("conversations"), "session_id", "inj-" + n);
        assertThat(conversationJson.getString("survey_comment")).as(what + " in JSON").isEqualTo(typed);
        assertThat(conversationJson.getString("totalGoalValue")).as(what + " in JSON").isEqualTo("-2.50");

        Map<String, String> agent = one(csv.get("agents"), "id", id, what);
        for (String column : List.of("username", "firstname", "lastname", "email")) {
          assertThat(agent.get(column)).as(what + " in " + column).isEqualTo(guarded(typed));
        }
        assertThat(oneJson(json.get("agents"), "id", id).getString("username")).as(what).isEqualTo(typed);

        Map<String, String> host = one(csv.get("hosts"), "id", id, what);
        assertThat(host.get("hostname")).as(what).isEqualTo(guarded(typed));
        assertThat(host.get("multiple_acc_id")).as(what).isEmpty();

        Map<String, String> shift = one(csv.get("agent-performance"), "chatcampaign_id", campaign, what);
        assertThat(shift.get("chatcampaign_name")).as(what).isEqualTo(guarded(typed));
        assertThat(shift.get("num_chats")).as(what).isEqualTo("1");

        Map<String, String> traffic = one(csv.get("traffic"), "chatcampaign_id", campaign, what);
        assertThat(traffic.get("entrypoint")).as(what).isEqualTo(guarded(typed));
        assertThat(List.of(traffic.get("visits"), traffic.get("views"), traffic.get("clicks"), traffic.get("chats")))
            .as(what)
            .containsExactly("1", "1", "0", "1");

        Map<String, String> invites = one(csv.get("automatic-invites"), "chatcampaign_id", campaign, what);
        assertThat(invites.get("filter_name")).as(what).isEqualTo(guarded(typed));
        assertThat(invites.get("num_proactive")).as(what).isEqualTo("1");
        assertThat(oneJson(json.get("automatic-invites"), "chatcampaign_id", campaign).getString("filter_name"))
            .as(what)
            .isEqualTo(typed);
      }
      assertThat(csv.get("agents").rows()).hasSize(TYPED.size());
      assertThat(csv.get("hosts").rows()).hasSize(TYPED.size());
      assertThat(csv.get("slots").rows()).hasSize(TYPED.size());
      assertThat(csv.get("agent-activity").rows()).hasSize(2 * TYPED.size());
    }
  }

  /** REPORTS.md: a text beginning with =, +, -, @, TAB or CR gets a leading apostrophe. */
  private static String guarded(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** EVENTS.md: a goal must not contain a comma (the report joins goals with commas). */
  private static String goal(String typed) {
    return typed.replace(",", "");
  }

  // ---------------------------------------------------------------- what a day reads

  @Test
  void anOperatorsDayOfTrafficReadsThatDayNotItsEntryPointsHistory() throws Exception {
    // A year of 2024 (no other test selects it): 12 entry points, each seen once a day, so the
    // quarter-hour counts hold 12 rows a day and 4,392 in all.
    long account = 9701;
    long campaign = 970101;
    Instant year = Instant.parse("2024-01-01T00:00:00Z");
    Events events = new Events();
    events.add("account.updated", year.minusSeconds(3600), o("account_id", account).add("name", "History"));
    events.add("campaign.updated", year.minusSeconds(3600),
        o("chatcampaign_id", campaign).add("account_id", account).add("name", "History"));
    for (int e = 0; e < 12; e++) {
      events.add("entrypoint.updated", year.minusSeconds(3600),
          o("entrypoint_id", campaign * 100 + e).add("chatcampaign_id", campaign).add("name", "History " + e)
              .add("type", e % 2 == 0 ? "button" : "invite"));
    }
    for (int day = 0; day < 366; day++) {
      for (int e = 0; e < 12; e++) {
        Instant at = year.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(37L * e + 5));
        if (e % 2 == 0) {
          events.add("entrypoint.viewed", at, o("entrypoint_id", campaign * 100 + e).add("visitor_id", "v-h-" + day));
        } else {
          events.add("invite.outcome", at,
              o("entrypoint_id", campaign * 100 + e).add("visitor_id", "v-h-" + day).add("outcome", "shown"));
        }
      }
    }
    ingest(events);
    for (String report : List.of("traffic", "automatic-invites")) {
      String day = "/api/exports/" + report + "?from=2024-06-14&to=2024-06-15&tz=UTC";
      api.get(day, OPERATOR); // warm: the caller's token and the directory are read once
      long before = rowsRead();
      HttpResponse<String> export = api.get(day, OPERATOR);
      long read = rowsRead() - before;
      assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
      assertThat(export.body()).as(report).contains("History");
      // The day and the hours around it (12 rows each, and the other tests' few), the caller and
      // the entry points: a few hundred rows. Reading each entry point's year would be 4,392.
      assertThat(read).as(report + ": rows and index entries read for one day of a year").isLessThan(1_500);
    }
  }

  /**
   * Index entries and rows the whole database server has read so far (its handler counters):
   * nothing else runs while a test does.
   */
  private static long rowsRead() throws SQLException {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN"
                    + " ('HANDLER_READ_FIRST', 'HANDLER_READ_KEY', 'HANDLER_READ_LAST', 'HANDLER_READ_NEXT',"
                    + " 'HANDLER_READ_PREV', 'HANDLER_READ_RND', 'HANDLER_READ_RND_NEXT')")) {
      r.next();
      return r.getLong(1);
    }
  }

  // ---------------------------------------------------------------- tenancy

  @Test
  void aCallerOfOneAccountGetsNoRowOfAnother() throws IOException {
    Map<String, String> owners = campaignOwners();
    List<String> criteria =
        List.of(
            "",
            "&chatcampaign_id=21&chatcampaign_id=22",
            "&agent_id=2001&agent_id=4001",
            "&chatcampaign_id=11&chatcampaign_id=21&agent_id=1001&agent_id=4001",
            "&account_id=%d");
    Map<String, Long> callers = Map.of(adminA, ACCOUNT_A, viewerA, ACCOUNT_A, adminB, ACCOUNT_B);
    for (Map.Entry<String, Long> caller : callers.entrySet()) {
      String token = caller.getKey();
      long own = caller.getValue();
      long foreign = own == ACCOUNT_A ? ACCOUNT_B : ACCOUNT_A;
      int rowsSeen = 0;
      for (String report : REPORTS) {
        for (String criterion : criteria) {
          String extra = String.format(criterion, own);
          String what = report + extra + " for account " + own;
          Table expected = ofAccounts(report, filtered(report, example("UTC", report), extra), Set.of(Long.toString(own)), owners);
          Table seen = csv("/api/exports/" + report + "?" + EXAMPLE_RANGE + extra, token).withActivityIdsStarred();
          assertThat(seen).as(what).isEqualTo(expected);
          for (Map<String, String> row : seen.records()) {
            assertThat(accountOf(report, row, owners)).as(what).isEqualTo(Long.toString(own));
          }
          rowsSeen += seen.rows().size();
        }
        String foreignQuery = "/api/exports/" + report + "?" + EXAMPLE_RANGE + "&account_id=";
        assertProblem(api.get(foreignQuery + foreign, token), 403, null);
        assertProblem(api.get(foreignQuery + own + "&account_id=" + foreign, token), 403, null);
        assertProblem(api.get(foreignQuery + foreign, token, JSON), 403, null);
        List<JsonObject> json =
            ApiClient.jsonArray(api.get("/api/exports/" + report + "?" + EXAMPLE_RANGE, token, JSON).body())
                .stream().map(JsonValue::asJsonObject).toList();
        for (JsonObject row : json) {
          Map<String, String> cells = new HashMap<>();
          row.forEach((k, v) -> cells.put(k, row.getString(k)));
          assertThat(accountOf(report, cells, owners)).as(report + " as JSON").isEqualTo(Long.toString(own));
        }
      }
      assertThat(rowsSeen).as("account " + own + " has rows of its own").isPositive();
    }
  }

  // ---------------------------------------------------------------- errors

  @Test
  void badCriteriaAreProblemDocumentsNamingTheParameter() {
    Map<String, String> badQueries = new LinkedHashMap<>();
    badQueries.put("from=2026-10-23", "to");
    badQueries.put("to=2026-10-28", "from");
    badQueries.put("tz=UTC", "range");
    badQueries.put("range=last_7_days&from=2026-10-23&to=2026-10-28", "range");
    badQueries.put("range=last_week", "range");
    badQueries.put("range=", "range");
    badQueries.put("from=2026-13-01&to=2026-12-01", "from");
    badQueries.put("from=2026-02-30&to=2026-03-02", "from");
    badQueries.put("from=yesterday&to=2026-10-28", "from");
    badQueries.put("from=2026-10-23&to=2026-10-28T00:00", "to");
    badQueries.put("from=2026-10-28&to=2026-10-28", "to");
    badQueries.put("from=2026-10-28&to=2026-10-23", "to");
    badQueries.put("from=2025-10-23&to=2026-10-25", "to");
    badQueries.put(EXAMPLE_RANGE + "&tz=Mars/Olympus", "tz");
    badQueries.put(EXAMPLE_RANGE + "&tz=%2B02:00", "tz");
    badQueries.put(EXAMPLE_RANGE + "&tz=UTC&tz=Europe/Amsterdam", "tz");
    badQueries.put(EXAMPLE_RANGE + "&chatcampaign_id=eleven", "chatcampaign_id");
    badQueries.put(EXAMPLE_RANGE + "&chatcampaign_id=11&chatcampaign_id=0", "chatcampaign_id");
    badQueries.put(EXAMPLE_RANGE + "&chatcampaign_id=99999999999999999999", "chatcampaign_id");
    badQueries.put(EXAMPLE_RANGE + "&agent_id=-1001", "agent_id");
    badQueries.put(EXAMPLE_RANGE + "&account_id=1.5", "account_id");
    badQueries.put(EXAMPLE_RANGE + "&delimiter=tab", "delimiter");
    badQueries.put(EXAMPLE_RANGE + "&bom=yes", "bom");
    badQueries.put(EXAMPLE_RANGE + "&columns=agent_id,nonsense", "columns");
    badQueries.put(EXAMPLE_RANGE + "&columns=", "columns");
    badQueries.put(EXAMPLE_RANGE + "&decimal=comma", "decimal");
    badQueries.put(EXAMPLE_RANGE + "&delimiter=semicolon&decimal=point", "decimal");
    badQueries.put(EXAMPLE_RANGE + "&format=pdf", "format");
    for (Map.Entry<String, String> bad : badQueries.entrySet()) {
      assertProblem(api.get("/api/exports/slots?" + bad.getKey(), OPERATOR), 400, bad.getValue());
      assertProblem(api.get("/api/exports/slots?" + bad.getKey(), adminA, JSON), 400, bad.getValue());
    }
    // Agents and Hosts need no range, so a missing one is no error; their other criteria still are.
    assertThat(api.get("/api/exports/agents", OPERATOR).statusCode()).isEqualTo(200);
    assertProblem(api.get("/api/exports/hosts?tz=Mars/Olympus", OPERATOR), 400, "tz");
    assertProblem(api.get("/api/exports/agents?delimiter=pipe", viewerA), 400, "delimiter");
    HttpResponse<String> unknownColumns =
        api.get("/api/exports/agents?columns=id,Username,phone&format=xlsx", viewerA);
    assertProblem(unknownColumns, 400, "columns");
    assertThat(ApiClient.json(unknownColumns).getString("detail")).contains("Username, phone");

    for (String unknown : List.of("agent_activity", "Conversations", "calls", "conversations.csv")) {
      assertProblem(api.get("/api/exports/" + unknown + "?" + EXAMPLE_RANGE, OPERATOR), 404, null);
    }
    assertProblem(api.get("/api/exports/hosts?account_id=2", adminA), 403, null);
    assertProblem(api.get("/api/exports/traffic?" + EXAMPLE_RANGE + "&account_id=1", adminB), 403, null);
    assertThat(api.get("/api/exports/hosts", viewerA, "text/html").statusCode()).isEqualTo(406);
    assertThat(api.get("/api/exports/hosts", null).statusCode()).isEqualTo(401);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    String what = response.request().uri().toString();
    assertThat(response.statusCode()).as(what).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonObject problem = ApiClient.json(response);
    assertThat(problem.getInt("status")).as(what).isEqualTo(status);
    if (field != null) {
      assertThat(problem.getString("field", null)).as(what + ": " + problem).isEqualTo(field);
    }
  }

  // ---------------------------------------------------------------- broken transfer

  /** The API's export and a public link's, over one bulk of rows (stored once: it is slow). */
  @Test
  void exportsWhoseDatabaseDiesMidwayEndAsBrokenTransfers() throws Exception {
    int rows = storeBulkConversations();
    assertBreaksMidway(
        "/api/exports/conversations?from=2026-08-01&to=2026-08-02&account_id=" + BULK_ACCOUNT,
        Map.of("Authorization", "Bearer " + OPERATOR),
        rows);

    String admin = token(BULK_ACCOUNT, "admin");
    HttpResponse<String> created =
        api.post(
            "/api/public-links",
            admin,
            JSON,
            "{\"report\":\"conversations\",\"label\":\"bulk\",\"criteria\":"
                + "{\"from\":\"2026-08-01\",\"to\":\"2026-08-02\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = java.net.URI.create(ApiClient.json(created).getString("url")).getPath();
    // A client address of its own: the public links' per-address limit is low in these tests.
    assertBreaksMidway(path, Map.of("X-Forwarded-For", "203.0.113.71"), rows);
  }

  private static final long BULK_ACCOUNT = 8701;

  /**
   * Stores enough conversations on 2026-08-01 (account 8701) that an export of them is still
   * reading its result set while the client has taken only its first bytes: the socket buffers
   * between database, proxy, server and client hold far less than the ~33 MB the file has.
   */
  private int storeBulkConversations() {
    int conversations = 60_000;
    String padding = "x".repeat(400);
    Instant first = Instant.parse("2026-08-01T00:00:00Z");
    for (int batch = 0; batch < conversations / 10_000; batch++) {
      Events events = new Events();
      if (batch == 0) {
        events.add("account.updated", first.minusSeconds(60), o("account_id", BULK_ACCOUNT).add("name", "Bulk"));
        events.add("campaign.updated", first.minusSeconds(60),
            o("chatcampaign_id", 870101).add("account_id", BULK_ACCOUNT).add("name", "Bulk"));
      }
      for (int i = batch * 10_000; i < (batch + 1) * 10_000 - (batch == 0 ? 2 : 0); i++) {
        events.add("conversation.started", first.plusSeconds(i),
            o("session_id", String.format("bulk-%06d", i)).add("chatcampaign_id", 870101)
                .add("visitor_id", "v-" + i).add("entrypoint_id", 8701011)
                .add("visitor_identifier", "Visitor " + i + " " + padding));
      }
      ingest(events);
    }
    return conversations - 2;
  }

  /**
   * The export at {@code path}, left alone, ends cleanly with every row; the same export whose
   * database connections are cut while it streams must end without its last chunk, so the client
   * fails reading instead of seeing a clean, short file. The application works again after.
   */
  private void assertBreaksMidway(String path, Map<String, String> headers, int rows) throws Exception {
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
    headers.forEach(request::header);

    HttpResponse<String> whole = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
    assertThat(whole.body().split("\r\n", -1)).hasSize(rows + 2);
    long size = whole.body().getBytes(StandardCharsets.UTF_8).length;

    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    InputStream body = response.body();
    byte[] start = body.readNBytes(64 * 1024);
    assertThat(start).hasSize(64 * 1024);
    Long clean = null;
    Throwable broken = null;
    try {
      // The server, held back by the unread response, is still reading rows: its query still runs.
      awaitExportQuery(true);
      TestDatabase.proxy().cut();
      CompletableFuture<Long> rest = CompletableFuture.supplyAsync(() -> drain(body));
      try {
        clean = rest.get(120, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        broken = e.getCause();
      }
    } finally {
      TestDatabase.proxy().restore();
    }
    assertThat(clean)
        .as("the body ended cleanly after %d + %s of %d bytes", start.length, clean, size)
        .isNull();
    assertThat(broken).isInstanceOf(UncheckedIOException.class);
    Logger.getLogger(ExportsApiIT.class.getName())
        .info(path + ": the client read " + start.length + " bytes of " + size + ", then: " + broken.getCause());

    awaitReady();
    HttpResponse<String> again = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(whole.body());
  }

  private static long drain(InputStream body) {
    try (body) {
      long n = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int r = body.read(buffer); r >= 0; r = body.read(buffer)) {
        n += r;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the export's streaming SELECT is (or is no longer) running on the database. */
  private static void awaitExportQuery(boolean running) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      try (Connection db = TestDatabase.connect();
          Statement s = db.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT COUNT(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID()"
                      + " AND info LIKE '%FROM exports_conversation c %'")) {
        r.next();
        if ((r.getInt(1) > 0) == running) {
          return;
        }
      }
      assertThat(Instant.now()).as("the export's query running: " + running).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (api.get("/health/ready", null).statusCode() != 200) {
      assertThat(Instant.now()).as("ready again").isBefore(deadline);
      Thread.sleep(500);
    }
  }

  // ---------------------------------------------------------------- expectations from the example

  private static boolean takesCampaigns(String report) {
    return !WITHOUT_RANGE.contains(report);
  }

  /** The file's name says the first and the last day of the range (to is the day after it). */
  private static String fileName(String report, String from, String to) {
    return WITHOUT_RANGE.contains(report)
        ? report + ".csv"
        : report + "_" + from + "_" + LocalDate.parse(to).minusDays(1) + ".csv";
  }

  /** The example's rows as the criteria (campaigns, agents) of a query suffix select them. */
  private static Table filtered(String report, Table all, String query) {
    Set<String> campaigns = values(query, "chatcampaign_id");
    Set<String> agents = values(query, "agent_id");
    Table rows = all;
    if (!campaigns.isEmpty() && takesCampaigns(report)) {
      rows = rows.where("chatcampaign_id", campaigns::contains);
    }
    if (!agents.isEmpty() && AGENT_FILTERED.contains(report)) {
      rows = rows.where("agent_id", agents::contains);
    }
    return rows;
  }

  private static Set<String> values(String query, String name) {
    return Arrays.stream(query.split("&"))
        .filter(p -> p.startsWith(name + "="))
        .map(p -> p.substring(name.length() + 1))
        .collect(Collectors.toSet());
  }

  /**
   * Each campaign's account, from the example's reports that print both (REPORTS.md: a row belongs
   * to its campaign's account); Traffic and Slots rows have no account column of their own.
   */
  private static Map<String, String> campaignOwners() throws IOException {
    Map<String, String> owners = new HashMap<>();
    for (String report : List.of("agent-activity", "agent-performance", "conversations", "automatic-invites")) {
      for (Map<String, String> row : example("UTC", report).records()) {
        String earlier = owners.put(row.get("chatcampaign_id"), row.get("account_id"));
        assertThat(earlier == null || earlier.equals(row.get("account_id"))).as("one owner per campaign").isTrue();
      }
    }
    return owners;
  }

  private static String accountOf(String report, Map<String, String> row, Map<String, String> owners) {
    if (row.containsKey("account_id")) {
      return row.get("account_id");
    }
    assertThat(owners).as(report + " campaign " + row.get("chatcampaign_id")).containsKey(row.get("chatcampaign_id"));
    return owners.get(row.get("chatcampaign_id"));
  }

  private static Table ofAccounts(String report, Table all, Set<String> accounts, Map<String, String> owners) {
    return all.where(row -> accounts.contains(accountOf(report, row, owners)));
  }

  private static Table example(String zone, String report) throws IOException {
    String folder = zone.replace('/', '-');
    return Table.parse(resource(folder + "/" + report.replace('-', '_') + ".csv"), ',');
  }

  /**
   * JSON and NDJSON carry the cells of the CSV, keyed by column in the CSV's order, before the
   * spreadsheet guard: a text column's CSV cell is the JSON value guarded, any other is the value.
   */
  private static void assertSameCells(String report, List<JsonObject> objects, Table csv, String what) {
    assertThat(objects).as(what).hasSize(csv.rows().size());
    for (int i = 0; i < objects.size(); i++) {
      JsonObject object = objects.get(i);
      assertThat(List.copyOf(object.keySet())).as(what).isEqualTo(csv.header());
      List<String> expected = new ArrayList<>();
      for (String column : csv.header()) {
        String value = object.getString(column);
        expected.add(TEXT_COLUMNS.get(report).contains(column) ? guarded(value) : value);
      }
      assertThat(csv.rows().get(i)).as(what + " row " + i).isEqualTo(expected);
    }
  }

  private static Map<String, String> one(Table table, String column, String value, String what) {
    List<Map<String, String>> found = table.records().stream().filter(r -> r.get(column).equals(value)).toList();
    assertThat(found).as(what + ": " + column + "=" + value).hasSize(1);
    return found.get(0);
  }

  private static JsonObject oneJson(List<JsonObject> objects, String column, String value) {
    List<JsonObject> found = objects.stream().filter(o -> o.getString(column).equals(value)).toList();
    assertThat(found).as(column + "=" + value).hasSize(1);
    return found.get(0);
  }

  // ---------------------------------------------------------------- HTTP and events

  private Table csv(String query, String token) {
    return csv(query, token, ',');
  }

  private Table csv(String query, String token, char delimiter) {
    HttpResponse<String> response = api.get(query, token);
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
    assertThat(response.body()).as(query).endsWith("\r\n");
    return Table.parse(response.body(), delimiter);
  }

  private HttpResponse<byte[]> bytes(String query, String token, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(query)).header("Authorization", "Bearer " + token);
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String token(long account, String role) {
    HttpResponse<String> issued =
        api.post(
            "/api/admin/accounts/" + account + "/tokens",
            OPERATOR,
            JSON,
            "{\"label\":\"exports-api-it " + role + "\",\"role\":\"" + role + "\"}");
    assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
    return ApiClient.json(issued).getString("token");
  }

  private void ingest(Events events) {
    for (List<String> batch : events.batches(10_000)) {
      JsonObject answer =
          ApiClient.json(api.post("/api/events", OPERATOR, NDJSON, String.join("\n", batch)));
      assertThat(answer.getJsonArray("rejected")).as(answer.toString()).isEmpty();
      assertThat(answer.getInt("accepted")).as(answer.toString()).isEqualTo(batch.size());
    }
  }

  private static JsonObjectBuilder o(String name, long value) {
    return Json.createObjectBuilder().add(name, value);
  }

  private static JsonObjectBuilder o(String name, String value) {
    return Json.createObjectBuilder().add(name, value);
  }

  /** Events of one test, as NDJSON lines with ids of their own. */
  private static final class Events {
    private final List<String> lines = new ArrayList<>();

    void add(String type, Instant at, JsonObjectBuilder data) {
      lines.add(
          Json.createObjectBuilder()
              .add("id", "api-it-" + type.replace('.', '-') + "-" + lines.size() + "-" + at.toEpochMilli())
              .add("type", type)
              .add("at", at.toString())
              .add("data", data)
              .build()
              .toString());
    }

    List<List<String>> batches(int size) {
      List<List<String>> batches = new ArrayList<>();
      for (int i = 0; i < lines.size(); i += size) {
        batches.add(lines.subList(i, Math.min(lines.size(), i + size)));
      }
      return batches;
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ExportsApiIT.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A CSV file read back by Commons CSV: the header and the rows, every row as wide as it. */
  record Table(List<String> header, List<List<String>> rows) {

    static Table parse(String text, char delimiter) {
      CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
      try (CSVParser parser = CSVParser.parse(text, format)) {
        List<CSVRecord> records = parser.getRecords();
        assertThat(records).as("a header row").isNotEmpty();
        List<String> header = records.get(0).toList();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
          assertThat(record.toList()).as("row " + record.getRecordNumber()).hasSameSizeAs(header);
          rows.add(record.toList());
        }
        return new Table(header, rows);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<Map<String, String>> records() {
      return rows.stream()
          .map(
              row -> {
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                  record.put(header.get(i), row.get(i));
                }
                return record;
              })
          .toList();
    }

    Table where(String column, Predicate<String> keep) {
      return where(record -> keep.test(record.get(column)));
    }

    Table where(Predicate<Map<String, String>> keep) {
      List<List<String>> kept = new ArrayList<>();
      List<Map<String, String>> records = records();
      for (int i = 0; i < rows.size(); i++) {
        if (keep.test(records.get(i))) {
          kept.add(rows.get(i));
        }
      }
      return new Table(header, kept);
    }

    /** The example stars activity_id (a random UUID per interval): each must be a UUID, once. */
    Table withActivityIdsStarred() {
      int column = header.indexOf("activity_id");
      if (column < 0) {
        return this;
      }
      Set<String> seen = new HashSet<>();
      List<List<String>> starred = new ArrayList<>();
      for (List<String> row : rows) {
        assertThat(row.get(column)).matches(UUID);
        assertThat(seen.add(row.get(column))).as("activity ids are unique").isTrue();
        List<String> copy = new ArrayList<>(row);
        copy.set(column, "*");
        starred.add(copy);
      }
      return new Table(header, starred);
    }
  }
}
