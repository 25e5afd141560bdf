package com.conversation24.exports.export;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.TextCells;
import com.conversation24.exports.reports.TypedRowSink;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place that turns a report and its criteria into reads: each report reads the rows its
 * home keeps for it ({@link ReportRows}), keyed by the accounts that own them and by time, so what
 * an export reads depends on what it selects and not on what the platform holds (decision 30).
 */
@ApplicationScoped
public class ReportReads {

  @Inject Instance<ReportRows<?>> homes;

  /** Runs the read-ahead of streamed exports (the container's managed executor). */
  @Inject Executor executor;

  private final Map<Report, ReportRows<?>> rows = new EnumMap<>(Report.class);

  @PostConstruct
  void findHomes() {
    register(homes);
  }

  /** Reads over these homes (every report's), reading ahead on the executor. */
  static ReportReads of(Iterable<ReportRows<?>> homes, Executor executor) {
    ReportReads reads = new ReportReads();
    reads.executor = executor;
    reads.register(homes);
    return reads;
  }

  private void register(Iterable<ReportRows<?>> homes) {
    for (ReportRows<?> home : homes) {
      for (Report report : Report.values()) {
        if (report.definition() == home.definition()) {
          rows.put(report, home);
        }
      }
    }
    for (Report report : Report.values()) {
      if (!rows.containsKey(report)) {
        throw new IllegalStateException("no rows for the report " + report.urlName());
      }
    }
  }

  /** The rows of a report, as its home keeps them. */
  @SuppressWarnings("unchecked")
  public <R> ReportRows<R> of(ReportDefinition<R> definition) {
    for (Map.Entry<Report, ReportRows<?>> entry : rows.entrySet()) {
      if (entry.getKey().definition() == definition) {
        return (ReportRows<R>) entry.getValue();
      }
    }
    throw new IllegalArgumentException("no rows for " + definition.urlName());
  }

  /**
   * Hands every row of the export to {@code each} as the text CSV and JSON carry, the selected
   * columns' cells only, in the report's order: the rows are read and printed on another thread
   * while this one writes them.
   *
   * @param decimalSeparator the decimal mark of decimal numbers ({@link TextCells})
   */
  public void forEachPrinted(
      ExportCriteria export, char decimalSeparator, Consumer<String[]> each) {
    forEachPrinted(export.report().definition(), export, decimalSeparator, each);
  }

  /**
   * Hands every row of the export to {@code sink} as typed cells, the selected columns' only, in
   * the report's order: the rows are read on another thread and their cells written on this one.
   */
  public void forEachTyped(ExportCriteria export, TypedRowSink sink) {
    forEachTyped(export.report().definition(), export, sink);
  }

  private <R> void forEachPrinted(
      ReportDefinition<R> definition,
      ExportCriteria export,
      char decimalSeparator,
      Consumer<String[]> each) {
    ReportRows<R> home = of(definition);
    ReportCriteria criteria = export.criteria();
    List<Column<R>> columns = definition.selected(export.columnNames());
    ReadAhead.<String[]>stream(
        executor,
        printed -> {
          TextCells<R> text = new TextCells<>(columns, criteria.zone(), decimalSeparator);
          home.forEach(criteria, row -> printed.accept(text.print(row)));
        },
        each);
  }

  private <R> void forEachTyped(
      ReportDefinition<R> definition, ExportCriteria export, TypedRowSink sink) {
    ReportRows<R> home = of(definition);
    List<Column<R>> columns = definition.selected(export.columnNames());
    ReadAhead.<R>stream(
        executor,
        read -> home.forEach(export.criteria(), read),
        row -> {
          sink.beginRow();
          for (Column<R> column : columns) {
            column.write(row, sink);
          }
        });
  }
}
