package com.conversation24.exports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ExportFormat;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.Report;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A job's criteria as its manifest shows them and as it keeps them: resolved to instants on the
 * day the job was made (2026-03-15 10:00 UTC), and read back on a later day into the same
 * criteria, file name included.
 */
class JobCriteriaTest {

  private static final Instant MADE = Instant.parse("2026-03-15T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-04-20T08:00:00Z");

  private static ExportCriteria parse(
      Instant at, Report report, Map<String, List<String>> query, Requester requester) {
    return new ExportCriteriaParser(Clock.fixed(at, ZoneOffset.UTC)).parse(report, query, requester);
  }

  @Test
  void aNamedRangeIsKeptAsTheInstantsItMeantWhenTheJobWasMade() {
    Map<String, List<String>> query =
        Map.of(
            "range", List.of("yesterday"),
            "tz", List.of("Europe/Amsterdam"),
            "chatcampaign_id", List.of("12", "3"),
            "delimiter", List.of("semicolon"),
            "bom", List.of("true"));
    ExportCriteria made = parse(MADE, Report.CONVERSATIONS, query, Requester.ofAccount(7));

    JobCriteria resolved = JobCriteria.of(made);

    // 14 March in Amsterdam (UTC+1 until the 29th): 13 March 23:00 to 14 March 23:00 UTC.
    assertThat(resolved.from()).hasValue(Instant.parse("2026-03-13T23:00:00Z"));
    assertThat(resolved.to()).hasValue(Instant.parse("2026-03-14T23:00:00Z"));
    assertThat(resolved.tz()).isEqualTo("Europe/Amsterdam");
    assertThat(resolved.campaignIds()).containsExactly(3L, 12L);
    assertThat(resolved.accountIds()).hasValue(List.of(7L));
    assertThat(resolved.delimiter()).isEqualTo("semicolon");
    assertThat(resolved.bom()).isTrue();

    ExportCriteria again =
        parse(LATER, Report.CONVERSATIONS, resolved.parameters(), Requester.ofAccount(7));
    assertThat(again).isEqualTo(made);
    assertThat(again.fileName(ExportFormat.CSV)).isEqualTo("conversations_2026-03-14_2026-03-14.csv");
  }

  @Test
  void chosenColumnsAndTheDecimalCommaAreKeptInTheReportsOrder() {
    Map<String, List<String>> query =
        Map.of(
            "range", List.of("yesterday"),
            "columns", List.of("num_messages,session_id"),
            "delimiter", List.of("semicolon"),
            "decimal", List.of("comma"));
    ExportCriteria made = parse(MADE, Report.CONVERSATIONS, query, Requester.ofAccount(7));

    JobCriteria resolved = JobCriteria.of(made);

    assertThat(resolved.columns()).containsExactly("session_id", "num_messages");
    assertThat(resolved.decimal()).isEqualTo("comma");
    assertThat(resolved.parameters().get("columns")).containsExactly("session_id,num_messages");
    assertThat(parse(LATER, Report.CONVERSATIONS, resolved.parameters(), Requester.ofAccount(7)))
        .isEqualTo(made);
  }

  @Test
  void everyColumnIsNoChoiceOfColumns() {
    ExportCriteria made =
        parse(MADE, Report.HOSTS, Map.of("tz", List.of("UTC")), Requester.ofAccount(7));

    JobCriteria resolved = JobCriteria.of(made);

    assertThat(resolved.columns()).isEmpty();
    assertThat(resolved.parameters()).doesNotContainKey("columns");
    assertThat(resolved.decimal()).isEqualTo("dot");
  }

  @Test
  void anOperatorsAccountsAndUtcReadBackTheSame() {
    Map<String, List<String>> query =
        Map.of(
            "from", List.of("2026-03-01T06:30:00.250Z"),
            "to", List.of("2026-03-02"),
            "account_id", List.of("4", "2"),
            "agent_id", List.of("9"));
    ExportCriteria made = parse(MADE, Report.SLOTS, query, Requester.platformOperator());

    JobCriteria resolved = JobCriteria.of(made);

    assertThat(resolved.tz()).isEqualTo("UTC");
    assertThat(resolved.accountIds()).hasValue(List.of(2L, 4L));
    assertThat(resolved.agentIds()).containsExactly(9L);
    assertThat(resolved.parameters().get("from")).containsExactly("2026-03-01T06:30:00.250Z");
    assertThat(parse(LATER, Report.SLOTS, resolved.parameters(), Requester.platformOperator()))
        .isEqualTo(made);
  }

  @Test
  void anOperatorsUnrestrictedViewStaysUnrestricted() {
    ExportCriteria made =
        parse(MADE, Report.CONVERSATIONS, Map.of("range", List.of("today")), Requester.platformOperator());

    JobCriteria resolved = JobCriteria.of(made);

    assertThat(resolved.accountIds()).isEmpty();
    assertThat(resolved.parameters()).doesNotContainKey("account_id");
    assertThat(parse(LATER, Report.CONVERSATIONS, resolved.parameters(), Requester.platformOperator()))
        .isEqualTo(made);
  }

  @Test
  void aReportWithoutARangeHasNoInstants() {
    ExportCriteria made =
        parse(MADE, Report.AGENTS, Map.of("range", List.of("today")), Requester.ofAccount(7));

    JobCriteria resolved = JobCriteria.of(made);

    assertThat(resolved.from()).isEqualTo(Optional.empty());
    assertThat(resolved.to()).isEmpty();
    assertThat(resolved.parameters()).doesNotContainKeys("from", "to", "range");
    assertThat(parse(LATER, Report.AGENTS, resolved.parameters(), Requester.ofAccount(7)))
        .isEqualTo(made);
  }
}
