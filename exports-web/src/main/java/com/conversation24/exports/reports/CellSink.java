package com.conversation24.exports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Where a report row's cells go, one typed value a cell, in column order. Each sink prints them
 * its own way ({@link TextCells}: the text CSV and JSON carry, by REPORTS.md's rules), so figures
 * stay numbers, instants and text until the moment they are printed.
 */
public interface CellSink {

  /** An empty field, distinct from {@code 0}. */
  void empty();

  /** A whole number: an id, a count, Unix seconds, an hour of the day. */
  void whole(long value);

  /** A duration in milliseconds (printed as whole seconds, a half away from zero). */
  void duration(long millis);

  /** An exact number already at the scale it prints with (two decimals). */
  void decimal(BigDecimal value);

  /** An instant (printed in the criteria's time zone, truncated to the second). */
  void instant(Instant value);

  /** A reading of the zone's clock, such as the start of an hour bucket, printed as it is. */
  void localDateTime(LocalDateTime value);

  /** A time of day, such as {@code 09:00:00} and {@code 09:59:59} of an hour bucket. */
  void localTime(LocalTime value);

  /** Text: what people typed, or an enumerated value; the column's kind tells which. */
  void text(String value);
}
