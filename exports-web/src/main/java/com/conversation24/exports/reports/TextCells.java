package com.conversation24.exports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Prints rows as the text CSV, JSON and NDJSON carry, by the rules of REPORTS.md ({@link Cells}):
 * times in the criteria's zone, durations in whole seconds, two decimals, the empty field as "".
 * One per export and thread: it fills one array a row.
 *
 * @param <R> the report's row
 */
public final class TextCells<R> implements CellSink {

  private final List<Column<R>> columns;
  private final ZoneId zone;
  private final char decimalSeparator;
  private String[] cells;
  private int next;

  public TextCells(List<Column<R>> columns, ZoneId zone) {
    this(columns, zone, '.');
  }

  /**
   * @param decimalSeparator the decimal mark of decimal numbers only ({@code decimal=comma} of a
   *     semicolon CSV); ids, counts, seconds and times never have one
   */
  public TextCells(List<Column<R>> columns, ZoneId zone, char decimalSeparator) {
    this.columns = List.copyOf(columns);
    this.zone = zone;
    this.decimalSeparator = decimalSeparator;
  }

  /** The row's cells in column order. */
  public String[] print(R row) {
    cells = new String[columns.size()];
    next = 0;
    for (Column<R> column : columns) {
      column.write(row, this);
    }
    if (next != cells.length) {
      throw new IllegalStateException(next + " cells for " + cells.length + " columns");
    }
    return cells;
  }

  public List<String> printAsList(R row) {
    return Arrays.asList(print(row));
  }

  private void add(String cell) {
    cells[next++] = cell;
  }

  @Override
  public void empty() {
    add(Cells.EMPTY);
  }

  @Override
  public void whole(long value) {
    add(Long.toString(value));
  }

  @Override
  public void duration(long millis) {
    add(Cells.seconds(millis));
  }

  @Override
  public void decimal(BigDecimal value) {
    String plain = value.toPlainString();
    add(decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator));
  }

  @Override
  public void instant(Instant value) {
    add(Cells.time(value, zone));
  }

  @Override
  public void localDateTime(LocalDateTime value) {
    add(Cells.clockReading(value));
  }

  @Override
  public void localTime(LocalTime value) {
    add(Cells.timeOfDay(value));
  }

  @Override
  public void text(String value) {
    add(value);
  }
}
