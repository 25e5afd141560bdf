package com.conversation24.exports.xlsx;

import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ColumnKind;
import com.conversation24.exports.reports.TypedRowSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one XLSX writer (decision 34): a report's rows as a workbook of typed cells, streamed row by
 * row. Whole numbers, seconds and decimals are numeric cells, times are date-times in the criteria's
 * zone (a number with a date-time format, as Excel keeps them), text is a string cell (never a
 * formula; inline, not gathered in a shared table that would grow with the file), an empty field
 * no cell. The first row of every sheet is the header. A report longer than a sheet continues on
 * sheets named {@code <title> 2}, {@code <title> 3}, ..., and a last sheet "Notes" says so.
 *
 * <p>Nothing is closed: the stream belongs to the caller. After a failure nothing more may be
 * written, and the ZIP's directory is written only by {@link #finish}, so a workbook cut short is
 * no workbook.
 */
public final class ReportXlsxWriter implements TypedRowSink {

  /** The rows a sheet holds, the header included (Excel's limit). */
  public static final int SHEET_ROWS = Worksheet.MAX_ROWS;

  /** Rows kept before they are written out: fastexcel holds the unflushed rows of a sheet. */
  static final int FLUSH_ROWS = 512;

  /** The name of the sheet that says where the rows continue, written only when they do. */
  public static final String NOTES = "Notes";

  static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
  static final String TIME_OF_DAY_FORMAT = "hh:mm:ss";

  /** Excel's day 0 (its serial numbers count days from it; 1900 leap-year bug included). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private static final double SECONDS_A_DAY = 86_400;

  /**
   * The largest whole number a numeric cell keeps exactly: Excel shows 15 significant digits. A
   * larger id is written as text, its digits intact.
   */
  private static final long EXACT_WHOLE = 999_999_999_999_999L;

  /**
   * How many texts with a leading or trailing blank go to the shared table, which keeps them (an
   * inline string loses them in Excel) but is held in memory until the end; past it, inline.
   */
  static final int SHARED_TEXTS = 100_000;

  private final OutputStream out;
  private final Workbook workbook;
  private final List<String> header;
  private final boolean[] times;
  private final ZoneId zone;
  private final String title;
  private final int sheetRows;
  private Worksheet sheet;
  private int sheets;
  /** The row being written in the current sheet; 0 is the header. */
  private int row;
  private int column;
  private long rowsWritten;
  private int shared;

  /** A workbook with sheets of {@link #SHEET_ROWS}. */
  public ReportXlsxWriter(
      OutputStream out, List<? extends Column<?>> columns, ZoneId zone, String title) {
    this(out, columns, zone, title, SHEET_ROWS);
  }

  /**
   * @param title the report's title, the sheets' name
   * @param sheetRows the rows a sheet holds, its header included (at least 2; tests make it small)
   */
  public ReportXlsxWriter(
      OutputStream out,
      List<? extends Column<?>> columns,
      ZoneId zone,
      String title,
      int sheetRows) {
    if (sheetRows < 2 || sheetRows > SHEET_ROWS) {
      throw new IllegalArgumentException("a sheet holds 2 to " + SHEET_ROWS + " rows");
    }
    this.header = columns.stream().map(Column::name).toList();
    this.times = new boolean[header.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = columns.get(i).kind() == ColumnKind.TIME;
    }
    this.zone = zone;
    this.title = title;
    this.sheetRows = sheetRows;
    this.out = out;
    this.workbook = new Workbook(out, "Conversation24 exports", "1.0");
    nextSheet();
  }

  private void nextSheet() {
    if (sheet != null) {
      io(sheet::finish);
    }
    sheets++;
    sheet = workbook.newWorksheet(sheets == 1 ? title : title + " " + sheets);
    for (int c = 0; c < header.size(); c++) {
      sheet.inlineString(0, c, header.get(c));
      sheet.style(0, c).bold().set();
      if (times[c]) {
        sheet.width(c, 20); // wide enough for a date-time; Excel shows ### in a narrower one
      }
    }
    sheet.freezePane(0, 1);
    row = 0;
  }

  @Override
  public void beginRow() {
    if (row + 1 == sheetRows) {
      nextSheet();
    } else if (rowsWritten % FLUSH_ROWS == 0 && rowsWritten > 0) {
      io(sheet::flush); // the rows so far, before this one: a flushed row cannot be written to
    }
    row++;
    column = 0;
    rowsWritten++;
  }

  /**
   * Ends the workbook: the last sheet, the notes when the rows continued on further sheets, the
   * ZIP's directory; then flushes the stream, which it leaves open.
   */
  public void finish() throws IOException {
    if (sheets > 1) {
      sheet.finish();
      Worksheet notes = workbook.newWorksheet(NOTES);
      notes.inlineString(
          0,
          0,
          "The "
              + rowsWritten
              + " rows are more than one sheet holds ("
              + (sheetRows - 1)
              + " rows under its header): they continue, in order, on the sheets "
              + title
              + " to "
              + title
              + " "
              + sheets
              + ", each with the header row.");
      notes.width(0, 120);
    }
    workbook.finish();
    out.flush(); // the ZIP's end may still sit in the caller's buffer
  }

  private int next() {
    return column++;
  }

  @Override
  public void empty() {
    next();
  }

  @Override
  public void whole(long value) {
    int c = next();
    if (Math.abs(value) <= EXACT_WHOLE) {
      sheet.value(row, c, value);
    } else {
      sheet.inlineString(row, c, Long.toString(value));
    }
  }

  @Override
  public void duration(long millis) {
    sheet.value(row, next(), Cells.roundedSeconds(millis));
  }

  @Override
  public void decimal(BigDecimal value) {
    int c = next();
    sheet.value(row, c, value);
    sheet.style(row, c).format(decimals(value.scale())).set();
  }

  @Override
  public void instant(Instant value) {
    dateTime(LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.SECONDS), zone));
  }

  @Override
  public void localDateTime(LocalDateTime value) {
    dateTime(value);
  }

  @Override
  public void localTime(LocalTime value) {
    int c = next();
    sheet.value(row, c, value.toSecondOfDay() / SECONDS_A_DAY);
    sheet.style(row, c).format(TIME_OF_DAY_FORMAT).set();
  }

  @Override
  public void text(String value) {
    int c = next();
    if (value.isEmpty()) {
      return;
    }
    if (edgeWhitespace(value) && shared < SHARED_TEXTS) {
      // fastexcel marks only shared strings xml:space="preserve"; Excel trims an inline string's
      // leading and trailing blanks. The shared table lives until the end, so only these go there.
      shared++;
      sheet.value(row, c, value);
    } else {
      sheet.inlineString(row, c, value);
    }
  }

  private static boolean edgeWhitespace(String value) {
    return Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1));
  }

  /** A reading of the zone's clock as Excel's serial number, computed here: no JVM zone involved. */
  private void dateTime(LocalDateTime local) {
    int c = next();
    double serial =
        ChronoUnit.DAYS.between(EXCEL_EPOCH, local.toLocalDate())
            + local.toLocalTime().toSecondOfDay() / SECONDS_A_DAY;
    sheet.value(row, c, serial);
    sheet.style(row, c).format(TIME_FORMAT).set();
  }

  /** The number format of a decimal of this scale: {@code 0.00} for two decimals. */
  static String decimals(int scale) {
    return scale <= 0 ? "0" : "0." + "0".repeat(scale);
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void io(Io step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
