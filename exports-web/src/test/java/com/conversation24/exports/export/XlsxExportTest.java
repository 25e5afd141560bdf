package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.CellSink;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.TextCells;
import com.conversation24.exports.testing.ExampleLog;
import com.conversation24.exports.xlsx.ReportXlsxWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code format=xlsx} read back with Apache POI, a reader that is not the writer (fastexcel): every
 * cell of every report of the worked example equals the CSV's cell of the same row, typed (numbers
 * numeric, times date cells at the instant in the zone, text text), in sheets that continue when a
 * sheet is full; a workbook cut short does not open.
 */
class XlsxExportTest {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ExportService service =
      ReportWritingTest.service(() -> ReportFacts.of(ExampleLog.events()));

  static Stream<Arguments> reportsPerZone() {
    return Stream.of("UTC", "Europe/Amsterdam")
        .flatMap(zone -> Stream.of(Report.values()).map(report -> Arguments.of(zone, report)));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("reportsPerZone")
  void everyCellIsTheCsvsCellTyped(String zone, Report report) throws IOException {
    ExportCriteria export =
        service.criteria(
            report,
            Map.of("from", List.of("2026-10-23"), "to", List.of("2026-10-28"), "tz", List.of(zone)),
            Requester.platformOperator());
    List<List<Expected>> expected = expected(report.definition(), export.criteria());
    assertThat(expected).as("the example has rows of " + report).isNotEmpty();

    try (XSSFWorkbook workbook = open(write(export))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo(report.title());
      assertThat(texts(sheet.getRow(0)))
          .isEqualTo(report.columns().stream().map(Column::name).toList());
      assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
      for (int r = 0; r < expected.size(); r++) {
        Row row = sheet.getRow(r + 1);
        List<Expected> cells = expected.get(r);
        for (int c = 0; c < cells.size(); c++) {
          Cell cell = row == null ? null : row.getCell(c);
          assertCell(cell, cells.get(c), report + " row " + (r + 1) + " " + report.columns().get(c).name());
        }
      }
    }
  }

  @Test
  void chosenColumnsOnlyInTheReportsOrder() throws IOException {
    ExportCriteria export =
        service.criteria(
            Report.HOSTS,
            Map.of("columns", List.of("hostname,id")),
            Requester.platformOperator());
    try (XSSFWorkbook workbook = open(write(export))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(texts(sheet.getRow(0))).containsExactly("id", "hostname");
      for (Row row : sheet) {
        assertThat(row.getLastCellNum()).isLessThanOrEqualTo((short) 2);
      }
      assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
    }
  }

  @Test
  void textThatLooksLikeAFormulaStaysTextUnguardedAndBlanksAndBreaksAreKept() throws IOException {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    List<String> names =
        List.of("=1+2", "+1", "-1", "@SUM(A1)", "line\r\nbreak", "\tTab", " padded ", "Ünïcødé ✓");
    List<PlatformEvent> hosts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      hosts.add(new HostUpdated("h" + i, at, i + 1, 7, names.get(i)));
    }
    ExportService service = ReportWritingTest.service(() -> ReportFacts.of(hosts));
    ExportCriteria export = service.criteria(Report.HOSTS, Map.of(), Requester.ofAccount(7));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.write(export, ExportFormat.XLSX, out);
    try (XSSFWorkbook workbook = open(out.toByteArray())) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int i = 0; i < names.size(); i++) {
        Cell hostname = sheet.getRow(i + 1).getCell(2);
        assertThat(hostname.getCellType()).as(names.get(i)).isEqualTo(CellType.STRING);
        assertThat(hostname.getStringCellValue()).isEqualTo(names.get(i));
      }
      // Only the texts with a blank at an edge are shared (marked to keep their blanks).
      assertThat(workbook.getSharedStringSource().getUniqueCount()).isEqualTo(2);
    }
  }

  @Test
  void rowsBeyondASheetContinueOnFurtherSheetsEachWithTheHeaderAndANoteSaysSo()
      throws IOException {
    List<Column<Long>> columns =
        List.of(
            Column.count("n", "the row's number", n -> n),
            Column.text("name", "the row's name", n -> "row " + n));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportXlsxWriter xlsx = new ReportXlsxWriter(out, columns, ZoneOffset.UTC, "Numbers", 4);
    for (long n = 1; n <= 8; n++) {
      xlsx.beginRow();
      for (Column<Long> column : columns) {
        column.write(n, xlsx);
      }
    }
    xlsx.finish();

    try (XSSFWorkbook workbook = open(out.toByteArray())) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
      List<Long> numbers = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        Sheet sheet = workbook.getSheetAt(s);
        assertThat(sheet.getSheetName()).isEqualTo(s == 0 ? "Numbers" : "Numbers " + (s + 1));
        assertThat(texts(sheet.getRow(0))).containsExactly("n", "name");
        assertThat(sheet.getLastRowNum()).isEqualTo(s < 2 ? 3 : 2);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          long n = (long) sheet.getRow(r).getCell(0).getNumericCellValue();
          assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("row " + n);
          numbers.add(n);
        }
      }
      assertThat(numbers).isEqualTo(LongStream.rangeClosed(1, 8).boxed().toList());
      Sheet notes = workbook.getSheetAt(3);
      assertThat(notes.getSheetName()).isEqualTo(ReportXlsxWriter.NOTES);
      assertThat(notes.getRow(0).getCell(0).getStringCellValue())
          .contains("8 rows")
          .contains("3 rows under its header")
          .contains("Numbers to Numbers 3");
    }
  }

  @Test
  void aFullSheetWithoutFurtherRowsHasNoNotes() throws IOException {
    List<Column<Long>> columns = List.of(Column.count("n", "the row's number", n -> n));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportXlsxWriter xlsx = new ReportXlsxWriter(out, columns, ZoneOffset.UTC, "Numbers", 4);
    for (long n = 1; n <= 3; n++) {
      xlsx.beginRow();
      columns.get(0).write(n, xlsx);
    }
    xlsx.finish();
    try (XSSFWorkbook workbook = open(out.toByteArray())) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
    }
  }

  @Test
  void aWorkbookCutShortIsNoWorkbook() {
    List<Column<Long>> columns = List.of(Column.count("n", "the row's number", n -> n));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportXlsxWriter xlsx = new ReportXlsxWriter(out, columns, ZoneOffset.UTC, "Numbers", 4);
    for (long n = 1; n <= 2000; n++) {
      xlsx.beginRow();
      columns.get(0).write(n, xlsx);
    }
    // The export failed here: finish is never called, the bytes so far are all the client gets.
    assertThat(out.size()).as("rows were flushed on the way").isPositive();
    assertThatThrownBy(() -> open(out.toByteArray()).close()).isInstanceOf(Exception.class);
  }

  // ---------------------------------------------------------------- expectations

  /** A cell as the CSV prints it (before its spreadsheet guard), and how its column gave it. */
  private record Expected(String text, Kind kind) {}

  private enum Kind {
    EMPTY,
    WHOLE,
    DURATION,
    DECIMAL,
    INSTANT,
    CLOCK_READING,
    TIME_OF_DAY,
    TEXT
  }

  /** The report's rows from every fact, each cell's CSV text with the kind of value it came from. */
  private static <R> List<List<Expected>> expected(
      ReportDefinition<R> definition, ReportCriteria criteria) {
    TextCells<R> text = new TextCells<>(definition.columns(), criteria.zone());
    List<List<Expected>> rows = new ArrayList<>();
    for (R row : definition.figures().rows(ReportFacts.of(ExampleLog.events()), criteria, ReportWritingTest.BASE_URL)) {
      String[] printed = text.print(row);
      List<Kind> kinds = new ArrayList<>();
      CellSink kindOf = new KindOf(kinds);
      for (Column<R> column : definition.columns()) {
        column.write(row, kindOf);
      }
      List<Expected> cells = new ArrayList<>();
      for (int i = 0; i < printed.length; i++) {
        cells.add(new Expected(printed[i], kinds.get(i)));
      }
      rows.add(cells);
    }
    return rows;
  }

  private record KindOf(List<Kind> kinds) implements CellSink {
    @Override
    public void empty() {
      kinds.add(Kind.EMPTY);
    }

    @Override
    public void whole(long value) {
      kinds.add(Kind.WHOLE);
    }

    @Override
    public void duration(long millis) {
      kinds.add(Kind.DURATION);
    }

    @Override
    public void decimal(BigDecimal value) {
      kinds.add(Kind.DECIMAL);
    }

    @Override
    public void instant(Instant value) {
      kinds.add(Kind.INSTANT);
    }

    @Override
    public void localDateTime(LocalDateTime value) {
      kinds.add(Kind.CLOCK_READING);
    }

    @Override
    public void localTime(LocalTime value) {
      kinds.add(Kind.TIME_OF_DAY);
    }

    @Override
    public void text(String value) {
      kinds.add(value.isEmpty() ? Kind.EMPTY : Kind.TEXT);
    }
  }

  private static void assertCell(Cell cell, Expected expected, String what) {
    switch (expected.kind()) {
      case EMPTY -> {
        assertThat(expected.text()).as(what).isEmpty();
        assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(what).isTrue();
      }
      case WHOLE, DURATION, DECIMAL -> {
        assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
            .as(what)
            .isEqualByComparingTo(new BigDecimal(expected.text()));
        if (expected.kind() == Kind.DECIMAL) {
          assertThat(cell.getCellStyle().getDataFormatString()).as(what).isEqualTo("0.00");
        }
      }
      case INSTANT, CLOCK_READING -> {
        assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(what).isTrue();
        assertThat(cell.getLocalDateTimeCellValue())
            .as(what)
            .isEqualTo(LocalDateTime.parse(expected.text(), TIME));
      }
      case TIME_OF_DAY -> {
        assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(what).isTrue();
        assertThat(cell.getLocalDateTimeCellValue().toLocalTime())
            .as(what)
            .isEqualTo(LocalTime.parse(expected.text()));
      }
      case TEXT -> {
        assertThat(cell.getCellType()).as(what).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).as(what).isEqualTo(expected.text());
      }
      default -> throw new IllegalStateException(expected.kind().name());
    }
  }

  // ---------------------------------------------------------------- workbooks

  private byte[] write(ExportCriteria export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.write(export, ExportFormat.XLSX, out);
    return out.toByteArray();
  }

  private static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (Cell cell : row) {
      assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
      texts.add(cell.getStringCellValue());
    }
    return texts;
  }
}
