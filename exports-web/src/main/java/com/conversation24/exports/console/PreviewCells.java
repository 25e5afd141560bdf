package com.conversation24.exports.console;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ColumnKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How the preview shows a cell people read: counts with thousands separators, durations in hours,
 * minutes and seconds, Unix seconds as a date. The files keep the spec's formats (the preview's
 * cells carry them as their tooltip); the preview's sort is the report's, by the typed values.
 */
final class PreviewCells {

  /** How a column's cells are shown. */
  enum Shape {
    TEXT,
    COUNT,
    DURATION,
    UNIX_DAY,
    LINK
  }

  private PreviewCells() {}

  static Shape shape(Column<?> column) {
    String name = column.name();
    if (column.definition().startsWith("Unix seconds")) {
      return Shape.UNIX_DAY;
    }
    if (name.endsWith("Url")) {
      return Shape.LINK;
    }
    if (column.kind() != ColumnKind.NUMBER) {
      return Shape.TEXT;
    }
    // The spec names its durations so: *_duration, *_secs, duration, *Time (seconds).
    if (name.endsWith("_duration") || name.endsWith("_secs") || name.equals("duration")
        || name.endsWith("Time")) {
      return Shape.DURATION;
    }
    return Shape.COUNT;
  }

  static String shown(Shape shape, String cell, ZoneId zone) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    try {
      switch (shape) {
        case UNIX_DAY:
          return Instant.ofEpochSecond(Long.parseLong(cell)).atZone(zone).toLocalDate().toString();
        case DURATION:
          return duration(new BigDecimal(cell));
        case COUNT:
          return count(new BigDecimal(cell));
        default:
          return cell;
      }
    } catch (NumberFormatException e) {
      return cell;
    }
  }

  /** 12 s, 4 min 05 s, 2 h 03 min 09 s; fractions of a second rounded. */
  static String duration(BigDecimal seconds) {
    long total = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
    String sign = total < 0 ? "-" : "";
    total = Math.abs(total);
    long h = total / 3600;
    long m = total % 3600 / 60;
    long s = total % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%s%d h %02d min %02d s", sign, h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%s%d min %02d s", sign, m, s);
    }
    return sign + s + " s";
  }

  /** 1,234,567 and 1,234.50: grouped, the decimals as printed. */
  static String count(BigDecimal value) {
    return value.scale() <= 0
        ? String.format(Locale.ENGLISH, "%,d", value.longValueExact())
        : String.format(Locale.ENGLISH, "%,." + value.scale() + "f", value);
  }
}
