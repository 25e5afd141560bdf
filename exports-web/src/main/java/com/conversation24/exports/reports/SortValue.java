package com.conversation24.exports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;

/**
 * A cell as the console's preview orders it: empty cells first, then by value (numbers as numbers,
 * times as times, text by its characters). Taken from a column's typed cell, never from its text.
 */
public final class SortValue implements CellSink {

  /** Empty first, then natural order; all values of one column are of one kind. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Comparator<Comparable<?>> ORDER =
      Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));

  private Comparable<?> value;

  /** The column's value of the row: {@code null} for an empty cell. */
  public static <R> Comparable<?> of(Column<R> column, R row) {
    SortValue sink = new SortValue();
    column.write(row, sink);
    return sink.value;
  }

  @Override
  public void empty() {
    value = null;
  }

  @Override
  public void whole(long v) {
    value = v;
  }

  @Override
  public void duration(long millis) {
    value = millis;
  }

  @Override
  public void decimal(BigDecimal v) {
    value = v;
  }

  @Override
  public void instant(Instant v) {
    value = v;
  }

  @Override
  public void localDateTime(LocalDateTime v) {
    value = v;
  }

  @Override
  public void localTime(LocalTime v) {
    value = v;
  }

  @Override
  public void text(String v) {
    value = v;
  }
}
