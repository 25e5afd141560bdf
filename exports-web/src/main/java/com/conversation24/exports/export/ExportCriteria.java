package com.conversation24.exports.export;

import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.util.List;
import java.util.Objects;

/**
 * One export request, resolved and valid: the report, its criteria (range, zone, filters, the
 * accounts the caller sees), the names of the columns it prints (every column unless {@code
 * columns=} chose some; always in the report's order), the CSV options and the name of the file it
 * downloads as, without its extension.
 */
public record ExportCriteria(
    Report report,
    ReportCriteria criteria,
    List<String> columnNames,
    CsvFormat format,
    String fileStem) {

  public ExportCriteria {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(criteria, "criteria");
    columnNames = List.copyOf(columnNames);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fileStem, "fileStem");
  }

  /** The printed columns, in the report's order. */
  public List<? extends Column<?>> columns() {
    return report.definition().selected(columnNames);
  }

  /** The download's name in this format: {@code <report>_<from>_<to>.csv}, {@code .xlsx}, ... */
  public String fileName(ExportFormat format) {
    return fileStem + "." + format.extension();
  }
}
