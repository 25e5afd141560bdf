package com.conversation24.campaigns.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The date-time format of EVENTS.md: {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)},
 * {@code T} and {@code Z} in either case, kept to the millisecond (finer digits truncated). Written
 * by hand because {@code java.time} parsers accept more (no seconds, offsets beyond 18 hours
 * refused) and say less about what is wrong.
 */
public final class Rfc3339Instant {

  static final String NOT_RFC_3339 = "not an RFC 3339 date-time with seconds and offset";

  private Rfc3339Instant() {}

  /**
   * @throws InvalidInputException naming {@code field}, with the part of the text at fault
   */
  public static Instant parse(String field, String text) {
    // YYYY-MM-DDTHH:MM:SS[.d+](Z|+HH:MM|-HH:MM), scanned by position: a regular expression here
    // was a tenth of the ingestion's CPU time (docs/benchmarks.md).
    int length = text.length();
    if (length < 20
        || !digits(text, 0, 4)
        || text.charAt(4) != '-'
        || !digits(text, 5, 2)
        || text.charAt(7) != '-'
        || !digits(text, 8, 2)
        || (text.charAt(10) != 'T' && text.charAt(10) != 't')
        || !digits(text, 11, 2)
        || text.charAt(13) != ':'
        || !digits(text, 14, 2)
        || text.charAt(16) != ':'
        || !digits(text, 17, 2)) {
      throw new InvalidInputException(field, NOT_RFC_3339);
    }
    int i = 19;
    int millis = 0;
    if (text.charAt(i) == '.') {
      int fraction = ++i;
      while (i < length && isDigit(text.charAt(i))) {
        if (i - fraction < 3) {
          millis = millis * 10 + (text.charAt(i) - '0');
        }
        i++;
      }
      if (i == fraction) {
        throw new InvalidInputException(field, NOT_RFC_3339);
      }
      for (int digits = i - fraction; digits < 3; digits++) {
        millis *= 10;
      }
    }
    if (i >= length) {
      throw new InvalidInputException(field, NOT_RFC_3339);
    }
    char zone = text.charAt(i);
    boolean utc = zone == 'Z' || zone == 'z';
    boolean offset =
        (zone == '+' || zone == '-')
            && length == i + 6
            && digits(text, i + 1, 2)
            && text.charAt(i + 3) == ':'
            && digits(text, i + 4, 2);
    if (!(utc && length == i + 1) && !offset) {
      throw new InvalidInputException(field, NOT_RFC_3339);
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
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
    if (offset) {
      int offsetHour = number(text, i + 1, 2);
      int offsetMinute = number(text, i + 4, 2);
      require(field, offsetHour <= 23, "offset hour must be in 0..23");
      require(field, offsetMinute <= 59, "offset minute must be in 0..59");
      offsetSeconds = (zone == '-' ? -1 : 1) * (offsetHour * 3600 + offsetMinute * 60);
    }
    long localSeconds =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3600L
            + minute * 60L
            + second;
    return Instant.ofEpochSecond(localSeconds - offsetSeconds, millis * 1_000_000L);
  }

  /** '0' to '9' only: no other script's digits. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean digits(String text, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static void require(String field, boolean holds, String reason) {
    if (!holds) {
      throw new InvalidInputException(field, reason);
    }
  }
}
