package com.conversation24.exports.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How figures print, per the common rules of REPORTS.md: times in the zone truncated to the
 * second, durations as whole seconds rounded half up once at the end, averages with exactly two
 * decimals, and the empty field (distinct from {@code 0}) as the empty string.
 */
public final class Cells {

  public static final String EMPTY = "";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Cells() {}

  /** {@code YYYY-MM-DD HH:MM:SS} in the zone, truncated to the second. */
  public static String time(Instant t, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), zone);
    int year = local.getYear();
    if (year < 1000 || year > 9999) {
      return TIME.format(local);
    }
    // By hand: an export prints one of these per row, and the formatter is its slowest cell.
    char[] c = new char[19];
    fourDigits(c, 0, year);
    c[4] = '-';
    twoDigits(c, 5, local.getMonthValue());
    c[7] = '-';
    twoDigits(c, 8, local.getDayOfMonth());
    c[10] = ' ';
    twoDigits(c, 11, local.getHour());
    c[13] = ':';
    twoDigits(c, 14, local.getMinute());
    c[16] = ':';
    twoDigits(c, 17, local.getSecond());
    return new String(c);
  }

  private static void fourDigits(char[] c, int at, int value) {
    twoDigits(c, at, value / 100);
    twoDigits(c, at + 2, value % 100);
  }

  private static void twoDigits(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }

  /** A duration in milliseconds as whole seconds, a half away from zero. */
  public static String seconds(long millis) {
    return Long.toString(roundedSeconds(millis));
  }

  public static long roundedSeconds(long millis) {
    long magnitude = (Math.abs(millis) + 500) / 1000;
    return millis < 0 ? -magnitude : magnitude;
  }

  /** An exact value at two decimals, a half away from zero. */
  public static BigDecimal twoDecimals(BigDecimal exact) {
    return exact.setScale(2, RoundingMode.HALF_UP);
  }

  /** The average of a total over a count, at two decimals, from the exact quotient. */
  public static BigDecimal average(BigDecimal total, long count) {
    // BigDecimal.divide rounds the exact quotient once: no double rounding.
    return total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }

  /** The average of a millisecond total over a count, as seconds at two decimals. */
  public static BigDecimal averageSeconds(long totalMillis, long count) {
    return BigDecimal.valueOf(totalMillis)
        .divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)), 2, RoundingMode.HALF_UP);
  }

  /** A reading of the zone's clock as {@code YYYY-MM-DD HH:MM:SS}. */
  public static String clockReading(LocalDateTime local) {
    return TIME.format(local);
  }

  /** A time of day as {@code HH:MM:SS}. */
  public static String timeOfDay(LocalTime time) {
    return TIME_OF_DAY.format(time);
  }
}
