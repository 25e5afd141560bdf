package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.csv.ReportCsvWriter;
import com.conversation24.exports.reports.agentactivity.AgentActivityReport;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceReport;
import com.conversation24.exports.reports.slots.SlotsReport;
import com.conversation24.exports.testing.ExampleLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three agent reports of the worked example (examples/README.md), byte for byte through the one
 * CSV writer, for 2026-10-23 to 2026-10-28 local in each zone, seen by the operator.
 */
class AgentReportsExampleTest {

  private static final ReportFacts FACTS = ReportFacts.of(ExampleLog.events());

  private static ReportCriteria criteria(ZoneId zone) {
    return ReportCriteria.all(
        LocalDate.of(2026, 10, 23).atStartOfDay(zone).toInstant(),
        LocalDate.of(2026, 10, 28).atStartOfDay(zone).toInstant(),
        zone);
  }

  private static String directory(String zone) {
    return zone.replace('/', '-');
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Amsterdam"})
  void agentActivityMatchesTheExampleWithActivityIdsStarred(String zone) {
    List<List<String>> rows = AgentActivityReport.rows(FACTS, criteria(ZoneId.of(zone)));
    int idColumn = AgentActivityReport.COLUMNS.size() - 1;
    List<String> ids = rows.stream().map(r -> r.get(idColumn)).toList();
    assertThat(ids).doesNotContain("").doesNotHaveDuplicates();

    List<List<String>> starred = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> copy = new ArrayList<>(row);
      copy.set(idColumn, "*");
      starred.add(copy);
    }
    String file = directory(zone) + "/agent_activity.csv";
    // The text first, for a readable difference; then the bytes, which are what must match.
    assertThat(csv(AgentActivityReport.COLUMNS, starred)).isEqualTo(expected(file));
    assertThat(csvBytes(AgentActivityReport.COLUMNS, starred)).isEqualTo(expectedBytes(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Amsterdam"})
  void agentPerformanceMatchesTheExample(String zone) {
    check(
        zone,
        AgentPerformanceReport.COLUMNS,
        AgentPerformanceReport::rows,
        "agent_performance.csv");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Amsterdam"})
  void slotsMatchTheExample(String zone) {
    check(zone, SlotsReport.COLUMNS, SlotsReport::rows, "slots.csv");
  }

  private static void check(
      String zone,
      List<? extends Column<?>> columns,
      BiFunction<ReportFacts, ReportCriteria, List<List<String>>> report,
      String file) {
    List<List<String>> rows = report.apply(FACTS, criteria(ZoneId.of(zone)));
    String path = directory(zone) + "/" + file;
    assertThat(csv(columns, rows)).isEqualTo(expected(path));
    assertThat(csvBytes(columns, rows)).isEqualTo(expectedBytes(path));
  }

  private static String csv(List<? extends Column<?>> columns, List<List<String>> rows) {
    return new String(csvBytes(columns, rows), StandardCharsets.UTF_8);
  }

  private static byte[] csvBytes(List<? extends Column<?>> columns, List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReportCsvWriter writer = new ReportCsvWriter(out, columns, CsvFormat.DEFAULT)) {
      rows.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String expected(String file) {
    return new String(expectedBytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] expectedBytes(String file) {
    try (InputStream in = AgentReportsExampleTest.class.getResourceAsStream("/examples/" + file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
