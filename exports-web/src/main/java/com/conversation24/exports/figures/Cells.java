package com.conversation24.exports.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How figures print, per the common rules of REPORTS.md: times in the zone truncated to the
 * second, durations as whole seconds rounded half up once at the end, averages with exactly two
 * decimals, and the empty field (distinct from {@code 0}) as the empty string.
 */
public final class Cells {

  public static final String EMPTY = "";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Cells() {}

  /** {@code YYYY-MM-DD HH:MM:SS} in the zone, truncated to the second. */
  public static String time(Instant t, ZoneId zone) {
    return TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  /** A duration in milliseconds as whole seconds, a half away from zero. */
  public static String seconds(long millis) {
    return Long.toString(roundedSeconds(millis));
  }

  public static long roundedSeconds(long millis) {
    long magnitude = (Math.abs(millis) + 500) / 1000;
    return millis < 0 ? -magnitude : magnitude;
  }

  /** An exact value with exactly two decimals, a half away from zero. */
  public static String twoDecimals(BigDecimal exact) {
    return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** The average of a total over a count, with two decimals, from the exact quotient. */
  public static String average(BigDecimal total, long count) {
    // BigDecimal.divide rounds the exact quotient once: no double rounding.
    return total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).toPlainString();
  }

  /** The average of a millisecond total over a count, as seconds with two decimals. */
  public static String averageSeconds(long totalMillis, long count) {
    return BigDecimal.valueOf(totalMillis)
        .divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)), 2, RoundingMode.HALF_UP)
        .toPlainString();
  }

  public static String of(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : EMPTY;
  }

  public static String of(Optional<String> value) {
    return value.orElse(EMPTY);
  }
}
