package com.conversation24.exports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.ReportRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  private final AtomicInteger reads = new AtomicInteger();

  private ExportService service(List<PlatformEvent> campaignEvents) {
    return service(
        () -> {
          reads.incrementAndGet();
          return ReportFacts.of(campaignEvents);
        });
  }

  /** Every report read from these facts by its figures, as its store would give them. */
  private static ExportService service(Supplier<ReportFacts> facts) {
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
        definition.figures().rows(facts.get(), criteria, "https://exports.example").forEach(each);
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
