package com.conversation24.exports.application;

import com.conversation24.exports.reports.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
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

  /** Reads the report's rows now and writes them to {@code out}, which it leaves open. */
  public void write(ExportCriteria export, ExportFormat format, OutputStream out)
      throws IOException {
    write(export, format, out, () -> {});
  }

  /** As the other {@code write}, telling {@code written} of every row written (a job's progress). */
  public void write(
      ExportCriteria export, ExportFormat format, OutputStream out, Runnable written)
      throws IOException {
    RowSink sink = RowSink.of(format, export, out);
    reads.forEachPrinted(
        export.report(),
        export.criteria(),
        row -> {
          sink.write(row);
          written.run();
        });
    sink.finish();
  }
}
