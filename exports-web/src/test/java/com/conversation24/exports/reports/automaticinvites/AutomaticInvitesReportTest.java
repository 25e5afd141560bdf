package com.conversation24.exports.reports.automaticinvites;

import static com.conversation24.exports.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.traffic.TrafficReport;
import com.conversation24.exports.testing.TestEvents;
import com.conversation24.traffic.api.InviteOutcome;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticInvitesReportTest {

  @Test
  void countsEachOutcomeInItsColumnPerHour() {
    TestEvents log = TestEvents.withAcme();
    log.outcome(at("10:00:00"), 1151, InviteOutcome.MATCHED)
        .outcome(at("10:00:01"), 1151, InviteOutcome.SHOWN)
        .outcome(at("10:10:00"), 1151, InviteOutcome.SHOWN)
        .outcome(at("10:11:00"), 1151, InviteOutcome.ACCEPTED)
        .outcome(at("10:12:00"), 1151, InviteOutcome.DECLINED)
        .outcome(at("10:13:00"), 1151, InviteOutcome.CANCELLED)
        .outcome(at("10:14:00"), 1151, InviteOutcome.NO_AVAILABILITY)
        .outcome(at("10:15:00"), 1151, InviteOutcome.EXPIRED)
        .outcome(at("10:59:59"), 1151, InviteOutcome.IGNORED)
        .outcome(at("11:00:00"), 1151, InviteOutcome.IGNORED);

    long midnight = TestEvents.DAY.getEpochSecond();
    assertThat(AutomaticInvitesReport.rows(log.facts(), TestEvents.utcDay()))
        .containsExactly(
            List.of(
                "11",
                Long.toString(midnight),
                "10",
                "1151",
                "1",
                "10:00:00",
                "10:59:59",
                "Welcome back",
                "2",
                "1",
                "1",
                "1",
                "1",
                "1",
                "1",
                "1"),
            List.of(
                "11",
                Long.toString(midnight),
                "11",
                "1151",
                "1",
                "11:00:00",
                "11:59:59",
                "Welcome back",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "1"));
  }

  @Test
  void outcomesOfNonInviteEntryPointsCountNowhere() {
    TestEvents log = TestEvents.withAcme();
    log.outcome(at("10:00:00"), 1101, InviteOutcome.SHOWN)
        .outcome(at("10:00:00"), 9999, InviteOutcome.SHOWN);

    assertThat(AutomaticInvitesReport.rows(log.facts(), TestEvents.utcDay())).isEmpty();
    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay())).isEmpty();
  }

  @Test
  void dateAndHourFollowTheLocalDayInTheZone() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    TestEvents log = TestEvents.withAcme();
    // 23:30Z on the 24th is 01:30 on the 25th in Amsterdam (summer time until 03:00).
    log.outcome(Instant.parse("2026-10-24T23:30:00Z"), 1151, InviteOutcome.SHOWN);

    List<String> row =
        AutomaticInvitesReport.rows(
                log.facts(),
                ReportCriteria.all(
                    Instant.parse("2026-10-24T22:00:00Z"),
                    Instant.parse("2026-10-25T23:00:00Z"),
                    amsterdam))
            .get(0);

    assertThat(row.get(1))
        .isEqualTo(Long.toString(Instant.parse("2026-10-24T22:00:00Z").getEpochSecond()));
    assertThat(row.get(2)).isEqualTo("1");
    assertThat(row.subList(5, 7)).containsExactly("01:00:00", "01:59:59");
  }

  @Test
  void theHourRepeatedWhenAmsterdamsClocksGoBackIsTwoRows() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    TestEvents log = TestEvents.withAcme();
    // 25 October 2026: 03:00 summer time (01:00Z) becomes 02:00 winter time. 00:30Z and 01:30Z
    // are both 02:30 on the clock, one in each pass of the hour.
    log.outcome(Instant.parse("2026-10-25T00:30:00Z"), 1151, InviteOutcome.SHOWN)
        .outcome(Instant.parse("2026-10-25T01:30:00Z"), 1151, InviteOutcome.ACCEPTED);

    long localMidnight = Instant.parse("2026-10-24T22:00:00Z").getEpochSecond();
    assertThat(
            AutomaticInvitesReport.rows(
                log.facts(),
                ReportCriteria.all(
                    Instant.parse("2026-10-24T22:00:00Z"),
                    Instant.parse("2026-10-25T23:00:00Z"),
                    amsterdam)))
        .containsExactly(
            List.of("11", Long.toString(localMidnight), "2", "1151", "1", "02:00:00", "02:59:59",
                "Welcome back", "1", "0", "0", "0", "0", "0", "0", "0"),
            List.of("11", Long.toString(localMidnight), "2", "1151", "1", "02:00:00", "02:59:59",
                "Welcome back", "0", "1", "0", "0", "0", "0", "0", "0"));
  }

  @Test
  void aHalfHourZoneCountsInItsOwnClockHours() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    TestEvents log = TestEvents.withAcme();
    // India is UTC+05:30: 04:29:59Z is 09:59:59 there, 04:30:00Z is 10:00:00.
    log.outcome(Instant.parse("2026-10-24T04:29:59Z"), 1151, InviteOutcome.SHOWN)
        .outcome(Instant.parse("2026-10-24T04:30:00Z"), 1151, InviteOutcome.SHOWN)
        .outcome(Instant.parse("2026-10-24T05:29:59Z"), 1151, InviteOutcome.EXPIRED);

    long localMidnight = Instant.parse("2026-10-23T18:30:00Z").getEpochSecond();
    assertThat(
            AutomaticInvitesReport.rows(
                log.facts(),
                ReportCriteria.all(
                    Instant.parse("2026-10-23T18:30:00Z"),
                    Instant.parse("2026-10-24T18:30:00Z"),
                    kolkata)))
        .containsExactly(
            List.of("11", Long.toString(localMidnight), "9", "1151", "1", "09:00:00", "09:59:59",
                "Welcome back", "1", "0", "0", "0", "0", "0", "0", "0"),
            List.of("11", Long.toString(localMidnight), "10", "1151", "1", "10:00:00", "10:59:59",
                "Welcome back", "1", "0", "0", "0", "0", "0", "1", "0"));
  }

  @Test
  void rowsSortByHourThenCampaignThenFilter() {
    TestEvents log = TestEvents.withAcme();
    log.add(
            new com.conversation24.campaigns.api.EntryPointUpdated(
                "ep-1150",
                at("00:00:00"),
                1150,
                11,
                "Exit intent",
                com.conversation24.campaigns.api.EntryPointType.INVITE))
        .outcome(at("11:00:00"), 1150, InviteOutcome.SHOWN)
        .outcome(at("10:30:00"), 1151, InviteOutcome.SHOWN)
        .outcome(at("10:00:00"), 1150, InviteOutcome.SHOWN);

    assertThat(AutomaticInvitesReport.rows(log.facts(), TestEvents.utcDay()))
        .extracting(r -> r.get(2) + "/" + r.get(3))
        .containsExactly("10/1150", "10/1151", "11/1150");
  }
}
