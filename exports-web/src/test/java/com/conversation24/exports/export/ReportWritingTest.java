package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.testing.ExampleLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How the service writes a report: facts are read only when writing (inside the streaming body),
 * CSV goes through the one CSV writer, JSON and NDJSON carry the same cells by column name.
 */
class ReportWritingTest {

  private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

  /** The public base URL the rows of {@link #service(Supplier)} are printed with. */
  static final String BASE_URL = "https://exports.example";

  private final AtomicInteger reads = new AtomicInteger();

  private ExportService service(List<PlatformEvent> campaignEvents) {
    return service(
        () -> {
          reads.incrementAndGet();
          return ReportFacts.of(campaignEvents);
        });
  }

  /** Every report read from these facts by its figures, as its store would give them. */
  static ExportService service(Supplier<ReportFacts> facts) {
    ExportService service = new ExportService();
    service.clock = Clock.fixed(AT, ZoneOffset.UTC);
    List<ReportRows<?>> homes = new ArrayList<>();
    for (Report report : Report.values()) {
      homes.add(fromFacts(report.definition(), facts));
    }
    service.reads = ReportReads.of(homes, Runnable::run);
    return service;
  }

  private static <R> ReportRows<R> fromFacts(
      ReportDefinition<R> definition, Supplier<ReportFacts> facts) {
    return new ReportRows<>() {
      @Override
      public ReportDefinition<R> definition() {
        return definition;
      }

      @Override
      public void forEach(ReportCriteria criteria, Consumer<R> each) {
        definition.figures().rows(facts.get(), criteria, BASE_URL).forEach(each);
      }
    };
  }

  private static final List<PlatformEvent> HOSTS =
      List.of(
          new HostUpdated("h2", AT, 2, 7, "a;b.test"),
          new HostUpdated("h1", AT, 1, 7, "=cmd.test"));

  private static String written(ExportService service, ExportCriteria export, ExportFormat format)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.write(export, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void factsAreReadWhenWritingNotWhenParsing() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.ofAccount(7));
    assertThat(reads).hasValue(0);
    written(service, export, ExportFormat.CSV);
    assertThat(reads).hasValue(1);
  }

  @Test
  void csvWithSemicolonsAByteOrderMarkAndTheFormulaGuard() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export =
        service.criteria(
            Report.HOSTS,
            Map.of("delimiter", List.of("semicolon"), "bom", List.of("true")),
            Requester.ofAccount(7));
    assertThat(written(service, export, ExportFormat.CSV))
        .isEqualTo(
            "\uFEFFid;account_id;hostname;multiple_acc_id\r\n"
                + "1;7;'=cmd.test;\r\n"
                + "2;7;\"a;b.test\";\r\n");
  }

  @Test
  void anotherAccountsRowsAreNotWritten() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.ofAccount(8));
    assertThat(written(service, export, ExportFormat.CSV))
        .isEqualTo("id,account_id,hostname,multiple_acc_id\r\n");
  }

  @Test
  void jsonIsOneArrayOfObjectsByColumnName() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.platformOperator());
    assertThat(written(service, export, ExportFormat.JSON))
        .isEqualTo(
            "[{\"id\":\"1\",\"account_id\":\"7\",\"hostname\":\"=cmd.test\",\"multiple_acc_id\":\"\"},"
                + "{\"id\":\"2\",\"account_id\":\"7\",\"hostname\":\"a;b.test\",\"multiple_acc_id\":\"\"}]");
  }

  @Test
  void ndjsonIsOneObjectALine() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.platformOperator());
    assertThat(written(service, export, ExportFormat.NDJSON).split("\n", -1))
        .containsExactly(
            "{\"id\":\"1\",\"account_id\":\"7\",\"hostname\":\"=cmd.test\",\"multiple_acc_id\":\"\"}",
            "{\"id\":\"2\",\"account_id\":\"7\",\"hostname\":\"a;b.test\",\"multiple_acc_id\":\"\"}",
            "");
  }

  @Test
  void chosenColumnsAreTheOnlyCellsOfEveryTextFormatInTheReportsOrder() throws IOException {
    ExportService service = service(HOSTS);
    ExportCriteria export =
        service.criteria(
            Report.HOSTS,
            Map.of("columns", List.of("hostname,id,hostname")),
            Requester.platformOperator());
    assertThat(written(service, export, ExportFormat.CSV))
        .isEqualTo("id,hostname\r\n1,'=cmd.test\r\n2,a;b.test\r\n");
    assertThat(written(service, export, ExportFormat.JSON))
        .isEqualTo("[{\"id\":\"1\",\"hostname\":\"=cmd.test\"},{\"id\":\"2\",\"hostname\":\"a;b.test\"}]");
    assertThat(written(service, export, ExportFormat.NDJSON).split("\n", -1))
        .containsExactly(
            "{\"id\":\"1\",\"hostname\":\"=cmd.test\"}",
            "{\"id\":\"2\",\"hostname\":\"a;b.test\"}",
            "");
  }

  @Test
  void aDecimalCommaChangesOnlyTheDecimalsOfASemicolonCsv() throws IOException {
    ExportService service = service(() -> ReportFacts.of(ExampleLog.events()));
    Map<String, List<String>> query =
        Map.of(
            "from", List.of("2026-10-23"),
            "to", List.of("2026-10-28"),
            "columns", List.of("avg_concurrency,chatcampaign_id,workshift_start,num_chats"),
            "delimiter", List.of("semicolon"));
    ExportCriteria withDot = service.criteria(Report.AGENT_PERFORMANCE, query, Requester.platformOperator());
    Map<String, List<String>> commaQuery = new HashMap<>(query);
    commaQuery.put("decimal", List.of("comma"));
    ExportCriteria withComma =
        service.criteria(Report.AGENT_PERFORMANCE, commaQuery, Requester.platformOperator());

    List<String> dot = written(service, withDot, ExportFormat.CSV).lines().toList();
    List<String> comma = written(service, withComma, ExportFormat.CSV).lines().toList();
    assertThat(comma.get(0)).isEqualTo("chatcampaign_id;workshift_start;num_chats;avg_concurrency");
    assertThat(comma).hasSameSizeAs(dot).hasSizeGreaterThan(2);
    for (int i = 1; i < dot.size(); i++) {
      String[] pointed = dot.get(i).split(";", -1);
      String[] commaed = comma.get(i).split(";", -1);
      assertThat(pointed[3]).matches("\\d+\\.\\d{2}");
      assertThat(commaed)
          .as("row " + i)
          .containsExactly(pointed[0], pointed[1], pointed[2], pointed[3].replace('.', ','));
    }
    // JSON carries the decimal point whatever the CSV options say.
    assertThat(written(service, withComma, ExportFormat.JSON)).contains("\"avg_concurrency\":\"1.00\"");
  }

  @Test
  void aFailureWhileReadingPropagatesBeforeAnyByteIsWritten() {
    ExportService service =
        service(
            () -> {
              throw new IllegalStateException("database gone");
            });
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.platformOperator());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> service.write(export, ExportFormat.CSV, out))
        .hasMessage("database gone");
    assertThat(out.size()).isZero();
  }
}
