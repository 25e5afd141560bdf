package com.conversation24.exports.application;

import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.util.Objects;

/**
 * One export request, resolved and valid: the report, its criteria (range, zone, filters, the
 * accounts the caller sees), the CSV options and the name of the file it downloads as.
 */
public record ExportCriteria(
    Report report, ReportCriteria criteria, CsvFormat format, String fileName) {

  public ExportCriteria {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fileName, "fileName");
  }
}
