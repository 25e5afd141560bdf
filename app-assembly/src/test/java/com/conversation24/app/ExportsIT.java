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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worked example end to end: its events in through {@code POST /api/events}, each of the eight
 * reports out through {@code GET /api/exports/{report}}, byte for byte the checked-in CSV of the
 * example, in UTC and in Europe/Amsterdam (with its DST change inside the range).
 */
@PlatformTest
@RunAsClient
class ExportsIT {

  private static final String OPERATOR = TestDatabase.OPERATOR_TOKEN;
  private static final List<String> REPORTS =
      List.of(
          "agent_activity",
          "agent_performance",
          "agents",
          "conversations",
          "automatic_invites",
          "hosts",
          "traffic",
          "slots");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeEach
  void onlyTheWorkedExampleIsStored() throws Exception {
    TestDatabase.forgetEvents();
    JsonObject answer =
        ApiClient.json(
            new ApiClient(base)
                .post("/api/events", OPERATOR, "application/x-ndjson", resource("events.ndjson")));
    assertThat(answer.getInt("accepted")).isEqualTo(3932);
  }

  @Test
  void everyReportInUtcIsTheExpectedFile() throws IOException {
    assertEveryReport("UTC", "UTC");
  }

  @Test
  void everyReportInAmsterdamIsTheExpectedFile() throws IOException {
    assertEveryReport("Europe/Amsterdam", "Europe-Amsterdam");
  }

  @Test
  void jsonAndNdjsonCarryTheSameRowsAsTheCsv() {
    ApiClient client = new ApiClient(base);
    String query = "/api/exports/conversations?from=2026-10-23&to=2026-10-28&tz=UTC";
    String json = client.get(query, OPERATOR, "application/json").body();
    List<String> lines =
        client.get(query, OPERATOR, "application/x-ndjson").body().lines().toList();
    long csvRows = client.get(query, OPERATOR).body().split("\r\n").length - 1L;

    assertThat(ApiClient.jsonArray(json)).hasSize((int) csvRows);
    assertThat(lines).hasSize((int) csvRows);
    assertThat(ApiClient.json(lines.get(0)).getString("session_id"))
        .isEqualTo(ApiClient.jsonArray(json).getJsonObject(0).getString("session_id"));
  }

  @Test
  void lateAndEarlyEventsChangeTheirConversationsRow() {
    ApiClient client = new ApiClient(base);
    String query = "/api/exports/conversations?from=2026-10-26&to=2026-10-27&tz=UTC&chatcampaign_id=13";
    // A message that arrives before its chat's start, then the start: the row has the message.
    post(client, message("it-late-m1", "it-late-s", "2026-10-26T10:01:00Z", "Hallo?"));
    assertThat(row(client, query, "it-late-s")).isEmpty();
    post(
        client,
        "{\"id\":\"it-late-start\",\"type\":\"conversation.started\",\"at\":\"2026-10-26T10:00:00Z\","
            + "\"data\":{\"session_id\":\"it-late-s\",\"chatcampaign_id\":13,\"visitor_id\":\"v-late\","
            + "\"entrypoint_id\":1}}");
    assertThat(row(client, query, "it-late-s")).contains("num_messages=1", "duration_conversation_secs=60");

    // A later message arriving in a later batch changes the same row.
    post(client, message("it-late-m2", "it-late-s", "2026-10-26T10:03:30Z", "Noch da?"));
    assertThat(row(client, query, "it-late-s")).contains("num_messages=2", "duration_conversation_secs=210");
  }

  @Test
  void theCatalogueIsAVersionedDictionaryOfTheExportedColumns() {
    ApiClient client = new ApiClient(base);
    JsonObject catalogue = ApiClient.json(client.get("/api/exports", OPERATOR));

    assertThat(catalogue.getInt("version")).isGreaterThanOrEqualTo(2);
    assertThat(catalogue.getString("spec")).isEqualTo("docs/metrics.md");
    for (JsonObject report : catalogue.getJsonArray("reports").getValuesAs(JsonObject.class)) {
      String name = report.getString("name");
      List<JsonObject> columns = report.getJsonArray("columns").getValuesAs(JsonObject.class);
      assertThat(columns).as(name).allSatisfy(c -> assertThat(c.getString("definition")).isNotBlank());
      String csv =
          client.get("/api/exports/" + name + "?from=2026-10-23&to=2026-10-28&tz=UTC", OPERATOR).body();
      assertThat(columns.stream().map(c -> c.getString("name")))
          .as(name + ": the catalogue's columns are the CSV header")
          .containsExactly(csv.substring(0, csv.indexOf("\r\n")).split(",", -1));
    }

    assertThat(client.signIn("operator", TestDatabase.OPERATOR_PASSWORD).statusCode()).isEqualTo(302);
    assertThat(client.get("/openapi/", null).body())
        .as("the OpenAPI document describes the catalogue's columns")
        .contains("ColumnView")
        .contains("definition");
  }

  private static void post(ApiClient client, String line) {
    JsonObject answer =
        ApiClient.json(client.post("/api/events", OPERATOR, "application/x-ndjson", line));
    assertThat(answer.getInt("accepted")).as(answer.toString()).isEqualTo(1);
  }

  private static String message(String id, String session, String at, String text) {
    return "{\"id\":\"" + id + "\",\"type\":\"conversation.message\",\"at\":\"" + at + "\","
        + "\"data\":{\"session_id\":\"" + session + "\",\"author\":\"visitor\",\"text\":\"" + text + "\"}}";
  }

  /** The session's row as {@code column=value} cells, from the NDJSON export; empty if absent. */
  private static List<String> row(ApiClient client, String query, String session) {
    return client.get(query, OPERATOR, "application/x-ndjson").body().lines()
        .map(ApiClient::json)
        .filter(o -> o.getString("session_id").equals(session))
        .findFirst()
        .map(o -> o.keySet().stream().map(k -> k + "=" + o.getString(k)).toList())
        .orElse(List.of());
  }

  private void assertEveryReport(String zone, String folder) throws IOException {
    ApiClient client = new ApiClient(base);
    for (String report : REPORTS) {
      HttpResponse<String> export =
          client.get(
              "/api/exports/"
                  + report.replace('_', '-')
                  + "?from=2026-10-23&to=2026-10-28&tz="
                  + zone,
              OPERATOR);
      assertThat(export.statusCode()).as(report).isEqualTo(200);
      assertThat(export.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
      String expected = resource(folder + "/" + report + ".csv");
      assertThat(withActivityIdsStarred(export.body())).as(report + " in " + zone).isEqualTo(expected);
    }
  }

  /** The example stars {@code activity_id} (a UUID per row): each must be a UUID, once. */
  private static String withActivityIdsStarred(String csv) {
    Matcher ids = UUID.matcher(csv);
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>();
    while (ids.find()) {
      all.add(ids.group());
      seen.add(ids.group());
    }
    assertThat(seen).as("activity ids are unique").hasSize(all.size());
    return ids.replaceAll("*");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ExportsIT.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
