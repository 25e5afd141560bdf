package com.conversation24.app.simulator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants as EVENTS.md spells them: {@code 2026-10-23T17:19:54.695Z}, always milliseconds. */
final class Rfc3339 {

  private Rfc3339() {}

  static String format(long epochMillis) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    StringBuilder b = new StringBuilder(24);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    pad(b, millis, 3).append('Z');
    return b.toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits);
  }
}
