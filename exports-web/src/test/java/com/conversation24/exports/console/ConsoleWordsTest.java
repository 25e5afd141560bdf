package com.conversation24.exports.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the console says in words: column titles, readable cells, ranges, expiries, refusals. */
class ConsoleWordsTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void columnTitlesAreWordsAndEveryColumnHasOne() {
    assertThat(ColumnTitles.of("num_messages")).isEqualTo("Number of messages");
    assertThat(ColumnTitles.of("transcriptUrl")).isEqualTo("Transcript URL");
    assertThat(ColumnTitles.of("chatcampaign_id")).isEqualTo("Campaign ID");
    assertThat(ColumnTitles.of("duration_total_secs")).isEqualTo("Duration total (s)");
    assertThat(ColumnTitles.of("avgResponseTime")).isEqualTo("Average response time");
    for (Report report : Report.values()) {
      for (Column<?> column : report.columns()) {
        assertThat(ColumnTitles.of(column.name())).as(column.name()).isNotBlank().doesNotContain("_");
      }
    }
  }

  @Test
  void cellsReadAsPeopleReadThemWhileTheFilesKeepTheSpecsText() {
    Column<?> date = column(Report.AUTOMATIC_INVITES, "date");
    assertThat(PreviewCells.shape(date)).isEqualTo(PreviewCells.Shape.UNIX_DAY);
    // 2026-10-22 22:00 UTC is 00:00 of 2026-10-23 in Amsterdam.
    assertThat(PreviewCells.shown(PreviewCells.Shape.UNIX_DAY, "1792706400", AMSTERDAM))
        .isEqualTo("2026-10-23");
    assertThat(PreviewCells.shape(column(Report.CONVERSATIONS, "transcriptUrl")))
        .isEqualTo(PreviewCells.Shape.LINK);
    assertThat(PreviewCells.shape(column(Report.CONVERSATIONS, "duration_total_secs")))
        .isEqualTo(PreviewCells.Shape.DURATION);
    assertThat(PreviewCells.shape(column(Report.CONVERSATIONS, "num_messages")))
        .isEqualTo(PreviewCells.Shape.COUNT);
    assertThat(PreviewCells.shape(column(Report.CONVERSATIONS, "session_id")))
        .isEqualTo(PreviewCells.Shape.TEXT);
    assertThat(PreviewCells.duration(new BigDecimal("7389"))).isEqualTo("2 h 03 min 09 s");
    assertThat(PreviewCells.duration(new BigDecimal("245"))).isEqualTo("4 min 05 s");
    assertThat(PreviewCells.duration(new BigDecimal("12.50"))).isEqualTo("13 s");
    assertThat(PreviewCells.count(new BigDecimal("1234567"))).isEqualTo("1,234,567");
    assertThat(PreviewCells.count(new BigDecimal("1234.50"))).isEqualTo("1,234.50");
    assertThat(PreviewCells.shown(PreviewCells.Shape.COUNT, "", AMSTERDAM)).isEmpty();
    assertThat(PreviewCells.shown(PreviewCells.Shape.COUNT, "n/a", AMSTERDAM)).isEqualTo("n/a");
  }

  @Test
  void aRangeSaysItsFirstAndLastDay() {
    ReportCriteria criteria =
        new ReportCriteria(
            Instant.parse("2026-11-23T23:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"),
            AMSTERDAM, Set.of(), Set.of(), AccountScope.ALL);
    assertThat(RangeWords.of("Last 7 days", criteria))
        .isEqualTo("Last 7 days: 2026-11-24 to 2026-11-30, Europe/Amsterdam");
    assertThat(RangeWords.of("Dates…", criteria)).isEqualTo("2026-11-24 to 2026-11-30, Europe/Amsterdam");
  }

  @Test
  void aLinkEndingWithADayIsListedByThatLastDayInItsZone() {
    Map<String, List<String>> amsterdam = Map.of(ExportCriteriaParser.TZ, List.of("Europe/Amsterdam"));
    assertThat(LinkViews.expiry(Instant.parse("2026-12-31T23:00:00Z"), amsterdam))
        .isEqualTo("through 2026-12-31 (Europe/Amsterdam)");
    assertThat(LinkViews.expiry(Instant.parse("2027-01-01T00:00:00Z"), Map.of()))
        .isEqualTo("through 2026-12-31 (UTC)");
    assertThat(LinkViews.expiry(Instant.parse("2027-01-01T10:30:00Z"), amsterdam))
        .isEqualTo("until 2027-01-01 11:30 (Europe/Amsterdam)");
  }

  @Test
  void refusalsArePlainWordsAtTheirField() {
    CriteriaForm relative = new CriteriaForm();
    CriteriaForm custom = new CriteriaForm();
    custom.setRange(CriteriaForm.CUSTOM);
    InvalidInputException noRange =
        new InvalidInputException(ExportCriteriaParser.RANGE, "give either range or from and to");
    assertThat(CriteriaErrors.words(noRange)).isEqualTo("Choose a range, or both a first and a last day.");
    assertThat(CriteriaErrors.field(ExportCriteriaParser.RANGE, custom)).isEqualTo("dates");
    assertThat(CriteriaErrors.field(ExportCriteriaParser.RANGE, relative)).isEqualTo("range");
    assertThat(CriteriaErrors.field(ExportCriteriaParser.TO, relative)).isEqualTo("dates");
    assertThat(
            CriteriaErrors.words(
                new InvalidInputException(ExportCriteriaParser.TO, "the range is longer than 366 days")))
        .isEqualTo("Choose at most 366 days.");
  }

  private static Column<?> column(Report report, String name) {
    return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
