package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.agents.AgentsReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of the eight reports: names, columns with their definitions, the criteria each
 * takes, and its version.
 */
class ReportTest {

  /**
   * The catalogue's content (everything {@code GET /api/exports} publishes but the version) for each
   * version. A change to a report, column or definition changes the content: raise {@link
   * Report#CATALOGUE_VERSION} and add the new version's line here; never edit an existing line.
   */
  private static final Map<Integer, String> CONTENT_BY_VERSION =
      Map.of(
          2, "4c7156e83b609b289dbb5175ce4d2c7d85ce450ea956158ee784085843b220ae",
          3, "17cce2a8c8be42d897fa0185653a8fa9d3af99051e038f3ab74b866b66816b49",
          4, "ab2d57d7ea148b802a672f79d6a32c883b34be68b13bc2d867eae1753445d136");

  /** Duration columns by name: they are printed in seconds and their definitions must say so. */
  private static final Pattern DURATION =
      Pattern.compile("duration.*|.*_duration|.*_secs|.*Time");

  @Test
  void theEightReportsByTheirUrlNames() {
    assertThat(Arrays.stream(Report.values()).map(Report::urlName))
        .containsExactly(
            "agent-activity",
            "agent-performance",
            "agents",
            "conversations",
            "automatic-invites",
            "hosts",
            "traffic",
            "slots");
    assertThat(Report.named("slots")).contains(Report.SLOTS);
    assertThat(Report.named("SLOTS")).isEmpty();
  }

  @Test
  void columnsAreTheFiguresColumns() {
    assertThat(Report.AGENTS.columns()).isEqualTo(AgentsReport.COLUMNS);
    assertThat(Report.CONVERSATIONS.columns().stream().map(Column::name))
        .startsWith("chatcampaign_id", "conversation_start", "session_id");
  }

  @Test
  void onlyAgentActivityPerformanceAndSlotsTakeTheAgentFilter() {
    assertThat(Arrays.stream(Report.values()).filter(Report::takesAgentFilter))
        .containsExactly(Report.AGENT_ACTIVITY, Report.AGENT_PERFORMANCE, Report.SLOTS);
  }

  @Test
  void agentsAndHostsTakeNoRangeAndNoFilter() {
    assertThat(Report.AGENTS.criteria()).containsExactly(
            "tz", "account_id", "columns", "delimiter", "decimal", "bom");
    assertThat(Report.HOSTS.criteria()).isEqualTo(Report.AGENTS.criteria());
    assertThat(Report.SLOTS.criteria())
        .containsExactly(
            "from",
            "to",
            "range",
            "tz",
            "chatcampaign_id",
            "agent_id",
            "account_id",
            "columns",
            "delimiter",
            "decimal",
            "bom");
  }

  @Test
  void withoutFactsEveryReportHasNoRows() {
    ReportFacts none = ReportFacts.of(List.of());
    ReportCriteria march =
        ReportCriteria.all(
            Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"),
            ZoneOffset.UTC);
    for (Report report : Report.values()) {
      assertThat(report.rows(none, march, "https://exports.example"))
          .as(report.urlName())
          .isEmpty();
    }
  }


  @Test
  void everyColumnOfEveryReportHasADefinition() {
    for (Report report : Report.values()) {
      assertThat(report.columns())
          .as(report.urlName())
          .allSatisfy(
              c -> {
                assertThat(c.definition()).as(c.name()).isNotBlank().endsWith(".");
                // One or two sentences: a tooltip and a dictionary entry, not an essay.
                assertThat(c.definition().length()).as(c.name()).isLessThanOrEqualTo(300);
              });
    }
  }

  @Test
  void everyDurationColumnSaysItIsInSeconds() {
    for (Report report : Report.values()) {
      for (Column column : report.columns()) {
        if (column.kind() == ColumnKind.NUMBER && DURATION.matcher(column.name()).matches()) {
          assertThat(column.definition())
              .as(report.urlName() + " " + column.name())
              .containsIgnoringCase("seconds");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe-Amsterdam"})
  void columnsAreTheHeaderRowsOfTheExampleFiles(String zone) {
    for (Report report : Report.values()) {
      String file = "/examples/" + zone + "/" + report.urlName().replace('-', '_') + ".csv";
      assertThat(report.columns().stream().map(Column::name))
          .as(file)
          .containsExactly(headerOf(file).split(",", -1));
    }
  }

  @Test
  void theCatalogueVersionIsRaisedWithEveryChangeOfItsContent() {
    assertThat(CONTENT_BY_VERSION)
        .as(
            "the catalogue changed: raise Report.CATALOGUE_VERSION and pin its content (a"
                + " definition, column, criterion or report changed)")
        .containsEntry(Report.CATALOGUE_VERSION, contentDigest());
    assertThat(Report.CATALOGUE_SPEC).isEqualTo("docs/metrics.md");
  }

  /** SHA-256 over every published field but the version, in catalogue order. */
  private static String contentDigest() {
    StringBuilder content = new StringBuilder(Report.CATALOGUE_SPEC).append('\n');
    for (Report report : Report.values()) {
      content
          .append(report.urlName())
          .append('\n')
          .append(report.title())
          .append('\n')
          .append(report.description())
          .append('\n')
          .append(report.criteria())
          .append('\n');
      for (Column column : report.columns()) {
        content
            .append(column.name())
            .append('\t')
            .append(column.kind())
            .append('\t')
            .append(column.definition())
            .append('\n');
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String headerOf(String resource) {
    try (InputStream in = ReportTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(0, text.indexOf("\r\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
