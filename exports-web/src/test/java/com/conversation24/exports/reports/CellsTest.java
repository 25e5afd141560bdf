package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CellsTest {

  private static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneId[] ZONES = {
    ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"), ZoneId.of("Asia/Kolkata"),
    ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Chatham")
  };

  @Property
  void aTimePrintsAsTheSpecsPatternTruncatedToTheSecond(
      @ForAll @LongRange(min = -30_000_000_000_000L, max = 250_000_000_000_000L) long millis,
      @ForAll @LongRange(min = 0, max = 4) long zone) {
    Instant t = Instant.ofEpochMilli(millis);
    ZoneId z = ZONES[(int) zone];
    assertThat(Cells.time(t, z)).isEqualTo(SPEC.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(z)));
  }

  @Test
  void aTimeIsTruncatedNotRounded() {
    assertThat(Cells.time(Instant.parse("2026-10-25T00:59:59.999Z"), ZoneId.of("Europe/Amsterdam")))
        .isEqualTo("2026-10-25 02:59:59");
    assertThat(Cells.time(Instant.parse("2026-10-25T01:00:00.000Z"), ZoneId.of("Europe/Amsterdam")))
        .isEqualTo("2026-10-25 02:00:00");
  }
}
