package com.conversation24.exports.reports;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The catalogue as the project's metric dictionary, the file {@link #FILE} that {@code GET
 * /api/exports} names as its {@code spec}: every report's title, description, criteria and
 * columns (name, kind, definition), in the catalogue's order. Written from {@link Report} alone, so
 * the file and the API cannot say different things: {@code MetricDictionaryTest} fails the build
 * when the file is not what this renders.
 */
public final class MetricDictionary {

  /** Where the dictionary lives, from the project's root. */
  public static final String FILE = "docs/metrics.md";

  private MetricDictionary() {}

  /** The dictionary as Markdown, one section a report. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Metric dictionary\n\n")
        .append("Catalogue version ")
        .append(Report.CATALOGUE_VERSION)
        .append(": what `GET /api/exports` publishes, as a file. Generated from the catalogue\n")
        .append("(`exports-web/.../reports/Report.java`, each report's definition in its home):\n")
        .append("`MetricDictionaryTest` fails the build when this file differs, and\n")
        .append("`mvn -pl exports-web -am test -Dtest=MetricDictionaryTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dmetrics.write` writes it again.\n")
        .append("The figures follow `REPORTS.md`.\n");
    for (Report report : Report.values()) {
      out.append("\n## ")
          .append(report.title())
          .append(" (`")
          .append(report.urlName())
          .append("`)\n\n")
          .append(report.description())
          .append("\n\nCriteria: ")
          .append(report.criteria().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
          .append(".\n\n| Column | Kind | Definition |\n|---|---|---|\n");
      for (Column<?> column : report.columns()) {
        out.append("| `")
            .append(column.name())
            .append("` | ")
            .append(column.kind().name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(cell(column.definition()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** A table cell: a pipe would end it, a line break would end the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
