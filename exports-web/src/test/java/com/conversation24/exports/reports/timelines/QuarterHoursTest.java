package com.conversation24.exports.reports.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.exports.reports.traffic.TrafficReport;
import com.conversation24.exports.testing.TestEvents;
import com.conversation24.traffic.api.InviteOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Counting traffic per quarter hour gives the same Traffic and Automatic invites rows as counting
 * every event, in every zone whose clock hours are whole quarters.
 */
class QuarterHoursTest {

  private static final List<String> ZONES =
      List.of("UTC", "Europe/Amsterdam", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns");

  /** Days with a clock change in one of the zones, and an ordinary one. */
  private static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2026, 10, 25),
          LocalDate.of(2026, 3, 29),
          LocalDate.of(2026, 10, 4),
          LocalDate.of(2026, 4, 5),
          LocalDate.of(2026, 3, 8),
          LocalDate.of(2026, 11, 1),
          LocalDate.of(2026, 6, 17));

  @Test
  void aQuarterStartsAtAWholeQuarterHourOfUtcAlsoBefore1970() {
    assertThat(QuarterHours.startOf(Instant.parse("2026-10-24T10:14:59.999Z")))
        .isEqualTo(Instant.parse("2026-10-24T10:00:00Z").toEpochMilli());
    assertThat(QuarterHours.startOf(Instant.parse("2026-10-24T10:15:00Z")))
        .isEqualTo(Instant.parse("2026-10-24T10:15:00Z").toEpochMilli());
    assertThat(QuarterHours.startOf(Instant.parse("1969-12-31T23:59:59Z")))
        .isEqualTo(Instant.parse("1969-12-31T23:45:00Z").toEpochMilli());
  }

  @Test
  void todaysZonesHaveWholeQuarterHoursAndOldLocalMeanTimesDoNot() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2027-01-01T00:00:00Z");
    for (String zone : ZONES) {
      assertThat(QuarterHours.wholeIn(ZoneId.of(zone), from, to)).as(zone).isTrue();
    }
    // Liberia kept -00:44:30 until 1972.
    assertThat(
            QuarterHours.wholeIn(
                ZoneId.of("Africa/Monrovia"),
                Instant.parse("1971-01-01T00:00:00Z"),
                Instant.parse("1971-02-01T00:00:00Z")))
        .isFalse();
    assertThat(
            QuarterHours.wholeIn(
                ZoneId.of("Africa/Monrovia"),
                Instant.parse("1971-12-01T00:00:00Z"),
                Instant.parse("1972-06-01T00:00:00Z")))
        .as("the change to UTC falls at 00:44:30 UTC")
        .isFalse();
  }

  /** One traffic event: which, when (minutes and milliseconds into the two days), which entry point. */
  record Happening(int kind, long millis, long entryPointId, InviteOutcome outcome) {}

  @Provide
  Arbitrary<List<Happening>> happenings() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.longs().between(0, 2 * 86_400_000L - 1),
            Arbitraries.of(1101L, 1151L, 9999L),
            Arbitraries.of(InviteOutcome.class))
        .as(Happening::new)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void quarterCountsGiveTheRowsOfEveryEvent(
      @ForAll("happenings") List<Happening> happenings,
      @ForAll("zones") String zoneName,
      @ForAll("days") LocalDate day) {
    ZoneId zone = ZoneId.of(zoneName);
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    Instant start = from.minusSeconds(12 * 3600);
    TestEvents log = TestEvents.withAcme();
    int session = 0;
    for (Happening h : happenings) {
      Instant at = start.plusMillis(h.millis());
      switch (h.kind()) {
        case 0 -> log.pageViewed(at, 11, h.entryPointId(), 1101L);
        case 1 -> log.entryPointViewed(at, h.entryPointId());
        case 2 -> log.entryPointClicked(at, h.entryPointId());
        case 3 -> log.outcome(at, h.entryPointId(), h.outcome());
        default -> log.started("q-" + session++, at, 11, h.entryPointId());
      }
    }
    ReportFacts facts = log.facts();
    ReportCriteria criteria = ReportCriteria.all(from, to, zone);
    List<EntryPointTally> quarters = perQuarter(EntryPointTally.all(facts));

    assertThat(QuarterHours.wholeIn(zone, start, start.plusSeconds(3 * 86400))).isTrue();
    assertThat(TrafficReport.rows(facts.directory(), quarters, criteria))
        .isEqualTo(TrafficReport.rows(facts, criteria));
    assertThat(AutomaticInvitesReport.rows(facts.directory(), quarters, criteria))
        .isEqualTo(AutomaticInvitesReport.rows(facts, criteria));
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(ZONES);
  }

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.of(DAYS);
  }

  /** The tallies added up per entry point, counter and quarter hour, as the store keeps them. */
  private static List<EntryPointTally> perQuarter(List<EntryPointTally> tallies) {
    Map<String, EntryPointTally> sums = new TreeMap<>();
    for (EntryPointTally t : tallies) {
      long quarter = QuarterHours.startOf(t.at());
      sums.merge(
          t.entryPointId() + "/" + quarter + "/" + t.counter(),
          new EntryPointTally(t.entryPointId(), Instant.ofEpochMilli(quarter), t.counter(), t.count()),
          (a, b) -> new EntryPointTally(a.entryPointId(), a.at(), a.counter(), a.count() + b.count()));
    }
    return List.copyOf(sums.values());
  }
}
