package com.conversation24.campaigns.api.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date-time format of EVENTS.md: {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)},
 * {@code T} and {@code Z} in either case, kept to the millisecond (finer digits truncated). Written
 * by hand because {@code java.time} parsers accept more (no seconds, offsets beyond 18 hours
 * refused) and say less about what is wrong.
 */
public final class Rfc3339Instant {

  static final String NOT_RFC_3339 = "not an RFC 3339 date-time with seconds and offset";

  private static final Pattern FORMAT =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
              + "(?:[Zz]|([+-])(\\d{2}):(\\d{2}))");

  private Rfc3339Instant() {}

  /**
   * @throws InvalidEventException naming {@code field}, with the part of the text at fault
   */
  public static Instant parse(String field, String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new InvalidEventException(field, NOT_RFC_3339);
    }
    int year = number(m, 1);
    int month = number(m, 2);
    int day = number(m, 3);
    int hour = number(m, 4);
    int minute = number(m, 5);
    int second = number(m, 6);
    require(field, month >= 1 && month <= 12, "month must be in 1..12");
    require(
        field,
        day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth(),
        "day is out of range for month");
    require(field, hour <= 23, "hour must be in 0..23");
    require(field, minute <= 59, "minute must be in 0..59");
    // java.time knows no leap second; :60 would have to be bent into another instant.
    require(field, second <= 59, "second must be in 0..59");
    int offsetSeconds = 0;
    if (m.group(8) != null) {
      int offsetHour = number(m, 9);
      int offsetMinute = number(m, 10);
      require(field, offsetHour <= 23, "offset hour must be in 0..23");
      require(field, offsetMinute <= 59, "offset minute must be in 0..59");
      offsetSeconds = (m.group(8).equals("-") ? -1 : 1) * (offsetHour * 3600 + offsetMinute * 60);
    }
    long localSeconds =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3600L
            + minute * 60L
            + second;
    return Instant.ofEpochSecond(localSeconds - offsetSeconds).plusMillis(milliseconds(m.group(7)));
  }

  private static int milliseconds(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String firstThree = (fraction + "00").substring(0, 3);
    return Integer.parseInt(firstThree);
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static void require(String field, boolean holds, String reason) {
    if (!holds) {
      throw new InvalidEventException(field, reason);
    }
  }
}
