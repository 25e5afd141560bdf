package com.conversation24.exports.csv;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ColumnKind;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV writer of the application (REPORTS.md "The CSV file"): RFC 4180 with CRLF, fields
 * quoted only when they must be, UTF-8 with an optional BOM, and the formula-injection prefix on
 * text columns only (never on numbers: a negative figure stays a number).
 */
public final class ReportCsvWriter implements Closeable, Flushable {

  /** Characters gathered before encoding: large slices are encoded faster than many small ones. */
  private static final int BUFFER_CHARS = 64 * 1024;

  /** Which columns hold text, looked up once: {@link #write} runs once per exported row. */
  private final boolean[] text;
  private final Writer out;
  private final CsvWriter csv;

  public ReportCsvWriter(OutputStream stream, List<? extends Column<?>> columns, CsvFormat format) {
    this.text = new boolean[columns.size()];
    for (int i = 0; i < text.length; i++) {
      text[i] = columns.get(i).kind() == ColumnKind.TEXT;
    }
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    try {
      if (format.bom()) {
        out.write('\uFEFF');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.csv =
        CsvWriter.builder()
            .fieldSeparator(format.delimiter())
            .quoteCharacter('"')
            .lineDelimiter(LineDelimiter.CRLF)
            .bufferSize(BUFFER_CHARS)
            .build(out);
    csv.writeRecord(columns.stream().map(Column::name).toList());
  }

  /** Writes one row; cells are the report's values as text, "" for an empty field. */
  public void write(List<String> cells) {
    write(cells.toArray(new String[0]));
  }

  /** Writes one row given as its cells' text ({@code TextCells}); text cells are guarded in place. */
  public void write(String[] cells) {
    if (cells.length != text.length) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells for " + text.length + " columns");
    }
    for (int i = 0; i < cells.length; i++) {
      if (text[i]) {
        cells[i] = neutralised(cells[i]);
      }
    }
    csv.writeRecord(cells);
  }

  /** A text that a spreadsheet would run as a formula gets a leading {@code '}. */
  static String neutralised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text
        : text;
  }

  @Override
  public void flush() {
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
