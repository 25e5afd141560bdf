package com.conversation24.exports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A report column: its name exactly as the seed spells it, what it holds, its definition for the
 * published metric dictionary ({@code GET /api/exports}: what the figure means, how it is computed
 * from REPORTS.md, its unit, when it is empty rather than {@code 0}), and how a row of the report
 * gives its cell. Definitions sit next to the declarations, so a change to a figure and to its
 * meaning is one diff.
 *
 * @param <R> the report's row
 */
public record Column<R>(String name, ColumnKind kind, String definition, Cell<R> cell) {

  /** How a row gives the column's typed value. */
  @FunctionalInterface
  public interface Cell<R> {
    void write(R row, CellSink sink);
  }

  public Column {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cell, "cell");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a column needs a name");
    }
    if (definition == null || definition.isBlank()) {
      throw new IllegalArgumentException("column " + name + " needs a definition");
    }
  }

  /** Writes this column's cell of the row. */
  public void write(R row, CellSink sink) {
    cell.write(row, sink);
  }

  public static <R> Column<R> id(String name, String definition, ToLongFunction<R> id) {
    return new Column<>(name, ColumnKind.ID, definition, (r, s) -> s.whole(id.applyAsLong(r)));
  }

  /** An id that may be empty (an agent never assigned, a campaign not known yet). */
  public static <R> Column<R> optionalId(
      String name, String definition, Function<R, OptionalLong> id) {
    return new Column<>(name, ColumnKind.ID, definition, (r, s) -> whole(id.apply(r), s));
  }

  /** An id kept as text (session, visitor and work shift ids). */
  public static <R> Column<R> textId(String name, String definition, Function<R, String> id) {
    return new Column<>(name, ColumnKind.ID, definition, (r, s) -> s.text(id.apply(r)));
  }

  /** A count, or another whole number (Unix seconds, an hour of the day). */
  public static <R> Column<R> count(String name, String definition, ToLongFunction<R> count) {
    return new Column<>(
        name, ColumnKind.NUMBER, definition, (r, s) -> s.whole(count.applyAsLong(r)));
  }

  /** A duration in milliseconds, printed in whole seconds. */
  public static <R> Column<R> duration(
      String name, String definition, ToLongFunction<R> millis) {
    return new Column<>(
        name, ColumnKind.NUMBER, definition, (r, s) -> s.duration(millis.applyAsLong(r)));
  }

  /** A duration that may be empty (a conversation not closed yet). */
  public static <R> Column<R> optionalDuration(
      String name, String definition, Function<R, OptionalLong> millis) {
    return new Column<>(
        name,
        ColumnKind.NUMBER,
        definition,
        (r, s) -> {
          OptionalLong value = millis.apply(r);
          if (value.isPresent()) {
            s.duration(value.getAsLong());
          } else {
            s.empty();
          }
        });
  }

  /** An exact number at its printed scale. */
  public static <R> Column<R> decimal(
      String name, String definition, Function<R, BigDecimal> value) {
    return new Column<>(name, ColumnKind.NUMBER, definition, (r, s) -> s.decimal(value.apply(r)));
  }

  public static <R> Column<R> optionalDecimal(
      String name, String definition, Function<R, Optional<BigDecimal>> value) {
    return new Column<>(
        name,
        ColumnKind.NUMBER,
        definition,
        (r, s) -> value.apply(r).ifPresentOrElse(s::decimal, s::empty));
  }

  public static <R> Column<R> time(String name, String definition, Function<R, Instant> t) {
    return new Column<>(name, ColumnKind.TIME, definition, (r, s) -> s.instant(t.apply(r)));
  }

  public static <R> Column<R> optionalTime(
      String name, String definition, Function<R, Optional<Instant>> t) {
    return new Column<>(
        name, ColumnKind.TIME, definition, (r, s) -> t.apply(r).ifPresentOrElse(s::instant, s::empty));
  }

  /** A reading of the zone's clock (an hour bucket's start). */
  public static <R> Column<R> clockReading(
      String name, String definition, Function<R, LocalDateTime> t) {
    return new Column<>(
        name, ColumnKind.TIME, definition, (r, s) -> s.localDateTime(t.apply(r)));
  }

  public static <R> Column<R> timeOfDay(
      String name, String definition, Function<R, LocalTime> t) {
    return new Column<>(name, ColumnKind.TIME, definition, (r, s) -> s.localTime(t.apply(r)));
  }

  public static <R> Column<R> text(String name, String definition, Function<R, String> text) {
    return new Column<>(name, ColumnKind.TEXT, definition, (r, s) -> s.text(text.apply(r)));
  }

  public static <R> Column<R> optionalText(
      String name, String definition, Function<R, Optional<String>> text) {
    return new Column<>(
        name, ColumnKind.TEXT, definition, (r, s) -> text.apply(r).ifPresentOrElse(s::text, s::empty));
  }

  /** One of a few fixed words ({@code Online}, {@code button}, {@code yes}). */
  public static <R> Column<R> enumerated(
      String name, String definition, Function<R, String> value) {
    return new Column<>(name, ColumnKind.ENUM, definition, (r, s) -> s.text(value.apply(r)));
  }

  public static <R> Column<R> optionalEnumerated(
      String name, String definition, Function<R, Optional<String>> value) {
    return new Column<>(
        name, ColumnKind.ENUM, definition, (r, s) -> value.apply(r).ifPresentOrElse(s::text, s::empty));
  }

  private static void whole(OptionalLong value, CellSink sink) {
    if (value.isPresent()) {
      sink.whole(value.getAsLong());
    } else {
      sink.empty();
    }
  }
}
