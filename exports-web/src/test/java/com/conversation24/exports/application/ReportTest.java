package com.conversation24.exports.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.figures.AgentsReport;
import com.conversation24.exports.figures.Column;
import com.conversation24.exports.figures.ReportCriteria;
import com.conversation24.exports.figures.ReportFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue of the eight reports: names, columns and the criteria each takes. */
class ReportTest {

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
    assertThat(Report.AGENTS.criteria()).containsExactly("tz", "account_id", "delimiter", "bom");
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
            "delimiter",
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
  void theBaseUrlLosesItsTrailingSlash() {
    assertThat(ExportService.withoutTrailingSlash("https://exports.example/"))
        .isEqualTo("https://exports.example");
    assertThat(ExportService.withoutTrailingSlash("https://exports.example"))
        .isEqualTo("https://exports.example");
  }
}
