package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.csv.ReportCsvWriter;
import com.conversation24.exports.reports.agents.AgentsReport;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.hosts.HostsReport;
import com.conversation24.exports.reports.traffic.TrafficReport;
import com.conversation24.exports.testing.ExampleLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked example of the spec: the five reports of conversations, invites, hosts, traffic and
 * agents for 2026-10-23 to 2026-10-28, byte for byte as the files under {@code examples/}.
 */
class ConversationReportsExampleTest {

  private static final String BASE_URL = "http://localhost:8080";

  private record Report(
      String file,
      List<? extends Column<?>> columns,
      BiFunction<ReportFacts, ReportCriteria, List<List<String>>> rows) {}

  private static final List<Report> REPORTS =
      List.of(
          new Report(
              "conversations.csv",
              ConversationsReport.COLUMNS,
              (facts, criteria) -> ConversationsReport.rows(facts, criteria, BASE_URL)),
          new Report(
              "automatic_invites.csv",
              AutomaticInvitesReport.COLUMNS,
              AutomaticInvitesReport::rows),
          new Report("hosts.csv", HostsReport.COLUMNS, HostsReport::rows),
          new Report("traffic.csv", TrafficReport.COLUMNS, TrafficReport::rows),
          new Report("agents.csv", AgentsReport.COLUMNS, AgentsReport::rows));

  static Stream<Arguments> reportsPerZone() {
    return Stream.of("UTC", "Europe/Amsterdam")
        .flatMap(zone -> REPORTS.stream().map(report -> Arguments.of(zone, report.file())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("reportsPerZone")
  void reportMatchesTheExampleFile(String zoneId, String file) {
    ZoneId zone = ZoneId.of(zoneId);
    ReportCriteria criteria =
        ReportCriteria.all(
            LocalDate.of(2026, 10, 23).atStartOfDay(zone).toInstant(),
            LocalDate.of(2026, 10, 28).atStartOfDay(zone).toInstant(),
            zone);
    Report report = REPORTS.stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();

    String actual =
        csv(report.columns(), report.rows().apply(ReportFacts.of(ExampleLog.events()), criteria));

    assertThat(actual).isEqualTo(expected("/examples/" + zoneId.replace('/', '-') + "/" + file));
  }

  private static String csv(List<? extends Column<?>> columns, List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReportCsvWriter writer = new ReportCsvWriter(out, columns, CsvFormat.DEFAULT)) {
      rows.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String expected(String resource) {
    try (InputStream in = ConversationReportsExampleTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
