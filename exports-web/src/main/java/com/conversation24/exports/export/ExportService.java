package com.conversation24.exports.export;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.xlsx.ReportXlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Exports a report: resolves a request into criteria, then reads the report's rows ({@link
 * ReportReads}) and writes them. Reading happens in {@link #write}, which a streaming response
 * calls after the resource method returned (PITFALLS "JAX-RS streaming").
 */
@ApplicationScoped
public class ExportService {

  @Inject Clock clock;

  @Inject ReportReads reads;

  /** The request's criteria; invalid input is an {@code InvalidInputException}. */
  public ExportCriteria criteria(
      Report report,
      Map<String, List<String>> parameters,
      Requester requester) {
    return new ExportCriteriaParser(clock).parse(report, parameters, requester);
  }

  /**
   * The criteria as they read at {@code at}: a relative range ({@code yesterday}) is the one of
   * that instant. A scheduled delivery resolves its period's range this way, so that a retry the
   * next day sends the same days.
   */
  public ExportCriteria criteriaAt(
      Report report, Map<String, List<String>> parameters, Requester requester, Instant at) {
    return new ExportCriteriaParser(Clock.fixed(at, ZoneOffset.UTC)).parse(report, parameters, requester);
  }

  /** Reads the report's rows now and writes them to {@code out}, which it leaves open. */
  public void write(ExportCriteria export, ExportFormat format, OutputStream out)
      throws IOException {
    write(export, format, out, () -> {});
  }

  /**
   * As the other {@code write}, telling {@code written} of every row written (a job's progress;
   * an XLSX file's rows are not counted one by one).
   */
  public void write(
      ExportCriteria export, ExportFormat format, OutputStream out, Runnable written)
      throws IOException {
    if (format == ExportFormat.XLSX) {
      ReportXlsxWriter xlsx =
          new ReportXlsxWriter(
              new BufferedOutputStream(out, RowSink.BUFFER_BYTES),
              export.columns(),
              export.criteria().zone(),
              export.report().title());
      reads.forEachTyped(export, xlsx);
      xlsx.finish();
      return;
    }
    RowSink sink = RowSink.of(format, export, out);
    // A decimal comma is a CSV option: JSON and NDJSON keep the decimal point of JSON numbers' text.
    char decimal = format == ExportFormat.CSV ? export.format().decimalSeparator() : '.';
    reads.forEachPrinted(
        export,
        decimal,
        row -> {
          sink.write(row);
          written.run();
        });
    sink.finish();
  }
}
