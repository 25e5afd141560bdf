package com.conversation24.exports.console;

import com.conversation24.exports.reports.ReportCriteria;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The days a range covers, in the words the console shows and file names use. */
final class RangeWords {

  private RangeWords() {}

  /** "Last 7 days: 2026-11-24 to 2026-11-30, Europe/Amsterdam"; picked days without the name. */
  static String of(String rangeName, ReportCriteria criteria) {
    String zone =
        criteria.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : criteria.zone().getId();
    String days = first(criteria) + " to " + last(criteria) + ", " + zone;
    return rangeName.isEmpty() || rangeName.endsWith("…") ? days : rangeName + ": " + days;
  }

  static LocalDate first(ReportCriteria criteria) {
    return LocalDate.ofInstant(criteria.from(), criteria.zone());
  }

  /** The last day included: the range ends when the day after it starts. */
  static LocalDate last(ReportCriteria criteria) {
    return LocalDate.ofInstant(criteria.to().minusNanos(1), criteria.zone());
  }
}
