package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulated month, taken in and reported like the server does: rows in every report. */
class SimulatorReportsTest {

  private static ReportFacts facts;
  private static ReportCriteria month;

  @BeforeAll
  static void ingestTheMonth() {
    Ingested ingested =
        Ingested.of(SimulatedMonth.lines(), SimulatedMonth.PLAN.end().plus(1, ChronoUnit.DAYS));
    facts = ReportFacts.of(ingested.events());
    month = ReportCriteria.all(SimulatedMonth.PLAN.start(), SimulatedMonth.PLAN.end(), ZoneId.of("Europe/Amsterdam"));
  }

  @ParameterizedTest
  @EnumSource(Report.class)
  void everyReportHasRows(Report report) {
    assertThat(report.rows(facts, month, "http://localhost:8080")).as(report.urlName()).isNotEmpty();
  }

  @Test
  void conversationsAreHandledBySelfExternalAndHybridTeams() {
    assertThat(values(Report.CONVERSATIONS, "handlingType")).contains("self", "external", "hybrid");
  }

  @Test
  void conversationsShowSurveysCodesGoalsBlocksAndBothEntryPointTypes() {
    assertThat(values(Report.CONVERSATIONS, "survey_result")).contains("good", "moderate", "bad");
    assertThat(values(Report.CONVERSATIONS, "blocked")).contains("yes", "no");
    assertThat(values(Report.CONVERSATIONS, "requestType")).contains("button", "invite");
    assertThat(values(Report.CONVERSATIONS, "successcode")).hasSizeGreaterThan(2);
    assertThat(values(Report.CONVERSATIONS, "goals")).hasSizeGreaterThan(2);
  }

  @Test
  void aHostnameIsSharedAcrossAccounts() {
    assertThat(values(Report.HOSTS, "multiple_acc_id")).hasSize(2).contains("");
  }

  @Test
  void oneAgentIsDeleted() {
    assertThat(rows(Report.AGENTS, "disabled").stream().filter("1"::equals).count()).isEqualTo(1);
  }

  @Test
  void agentsTakeBreaksAndChatsAreIgnoredOrAbandonedSometimes() {
    assertThat(values(Report.AGENT_PERFORMANCE, "num_breaks")).contains("1", "2");
    assertThat(rows(Report.AGENT_PERFORMANCE, "num_ignored").stream().anyMatch(v -> !v.equals("0"))).isTrue();
    assertThat(rows(Report.AGENT_PERFORMANCE, "num_abandoned").stream().anyMatch(v -> !v.equals("0"))).isTrue();
  }

  private static Set<String> values(Report report, String column) {
    return rows(report, column).stream().collect(Collectors.toSet());
  }

  private static List<String> rows(Report report, String column) {
    List<String> names = report.columns().stream().map(Column::name).toList();
    int index = names.indexOf(column);
    assertThat(index).as(column).isNotNegative();
    return report.rows(facts, month, "http://localhost:8080").stream().map(r -> r.get(index)).toList();
  }

}
