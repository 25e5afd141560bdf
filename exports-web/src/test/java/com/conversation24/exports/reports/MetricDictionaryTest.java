package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The metric dictionary the API names as its {@code spec} is the catalogue, word for word: a
 * column, definition, criterion or report changed in the code and not in {@code docs/metrics.md}
 * (or the other way round) fails here. {@code -Dmetrics.write} writes the file again first.
 */
class MetricDictionaryTest {

  /** Surefire runs in the module's folder; the file is the project's. */
  private static final Path FILE = Path.of("..").resolve(MetricDictionary.FILE);

  @Test
  void theFileIsTheCatalogue() throws IOException {
    String rendered = MetricDictionary.markdown();
    if (System.getProperty("metrics.write") != null) {
      Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("%s is not the catalogue: run with -Dmetrics.write to write it again", FILE)
        .isEqualTo(rendered);
  }

  @Test
  void everyColumnOfEveryReportIsInIt() {
    String rendered = MetricDictionary.markdown();
    for (Report report : Report.values()) {
      assertThat(rendered).contains("## " + report.title() + " (`" + report.urlName() + "`)");
      for (Column<?> column : report.columns()) {
        assertThat(rendered).contains("| `" + column.name() + "` | ");
      }
    }
  }

  @Test
  void aPipeInADefinitionDoesNotEndItsCell() {
    assertThat(MetricDictionary.markdown().lines().filter(l -> l.startsWith("| `")))
        .allSatisfy(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|')).hasSize(4));
  }
}
