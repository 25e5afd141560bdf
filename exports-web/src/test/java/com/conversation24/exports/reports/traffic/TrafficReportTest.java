package com.conversation24.exports.reports.traffic;

import static com.conversation24.exports.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.TestEvents;
import com.conversation24.traffic.api.InviteOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficReportTest {

  @Test
  void countsVisitsViewsClicksAndChatsPerHourAndEntryPoint() {
    TestEvents log = TestEvents.withAcme();
    log.pageViewed(at("10:05:00"), 11, 1101L, 1151L)
        .pageViewed(at("10:59:59"), 11, 1101L)
        .entryPointViewed(at("10:06:00"), 1101)
        .entryPointClicked(at("10:07:00"), 1101)
        .started("s1", "10:08:00")
        .pageViewed(at("11:00:00"), 11, 1101L);

    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay()))
        .containsExactly(
            List.of("11", "2026-10-24 10:00:00", "1101", "Footer link", "2", "1", "1", "1"),
            List.of("11", "2026-10-24 10:00:00", "1151", "Welcome back", "1", "0", "0", "0"),
            List.of("11", "2026-10-24 11:00:00", "1101", "Footer link", "1", "0", "0", "0"));
  }

  @Test
  void anEntryPointListedTwiceInOnePageViewIsOneVisit() {
    TestEvents log = TestEvents.withAcme();
    log.pageViewed(at("10:05:00"), 11, 1101L, 1101L);

    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay()).get(0).get(4)).isEqualTo("1");
  }

  @Test
  void figuresCountUnderTheEntryPointsCampaignOnceItIsKnown() {
    TestEvents log = TestEvents.withAcme();
    log.add(new CampaignUpdated("c14", at("00:00:00"), 14, 1, "Other"))
        // The page says campaign 11, the entry point belongs to 14 (latest update wins).
        .add(
            new EntryPointUpdated(
                "ep-moved", at("23:00:00"), 1101, 14, "Moved", EntryPointType.BUTTON))
        .pageViewed(at("10:05:00"), 11, 1101L, 5555L)
        .entryPointViewed(at("10:06:00"), 5555);

    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay()))
        .containsExactly(List.of("14", "2026-10-24 10:00:00", "1101", "Moved", "1", "0", "0", "0"));
  }

  @Test
  void chatsCountOnlyConversationsWhoseStartArrivedAndOnlyTheirFirstStart() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", at("10:00:00"), 11, 1151)
        .started("s1", at("10:00:01"), 11, 1101)
        .assigned("no-start", "10:00:00", 1001);

    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay()))
        .containsExactly(
            List.of("11", "2026-10-24 10:00:00", "1151", "Welcome back", "0", "0", "0", "1"));
  }

  @Test
  void inviteOutcomesAreNoTrafficFigure() {
    TestEvents log = TestEvents.withAcme();
    log.outcome(at("10:00:00"), 1151, InviteOutcome.SHOWN);

    assertThat(TrafficReport.rows(log.facts(), TestEvents.utcDay())).isEmpty();
  }

  @Test
  void trafficOnDstChangeDayHas25Buckets() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    LocalDate day = LocalDate.of(2026, 10, 25);
    Instant from = day.atStartOfDay(amsterdam).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(amsterdam).toInstant();
    TestEvents log = TestEvents.withAcme();
    for (Instant t = from.plusSeconds(1800); t.isBefore(to); t = t.plusSeconds(3600)) {
      log.pageViewed(t, 11, 1101L);
    }

    List<List<String>> rows =
        TrafficReport.rows(log.facts(), ReportCriteria.all(from, to, amsterdam));

    assertThat(rows).hasSize(25);
    assertThat(rows.get(2).get(1)).isEqualTo("2026-10-25 02:00:00");
    assertThat(rows.get(3).get(1)).isEqualTo("2026-10-25 02:00:00");
    assertThat(rows.get(4).get(1)).isEqualTo("2026-10-25 03:00:00");
    assertThat(rows).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("1"));
  }

  @Test
  void halfHourZoneBucketsFollowTheLocalClock() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    TestEvents log = TestEvents.withAcme();
    log.pageViewed(Instant.parse("2026-10-24T04:29:59Z"), 11, 1101L)
        .pageViewed(Instant.parse("2026-10-24T04:30:00Z"), 11, 1101L);

    List<List<String>> rows =
        TrafficReport.rows(
            log.facts(),
            ReportCriteria.all(
                Instant.parse("2026-10-23T18:30:00Z"),
                Instant.parse("2026-10-24T18:30:00Z"),
                kolkata));

    assertThat(rows)
        .extracting(r -> r.get(1))
        .containsExactly("2026-10-24 09:00:00", "2026-10-24 10:00:00");
  }

  @Test
  void scopeAndCampaignFilterFollowTheEntryPointsCampaign() {
    TestEvents log = TestEvents.withAcme();
    log.pageViewed(at("10:05:00"), 11, 1101L);
    Instant from = TestEvents.DAY;
    Instant to = from.plusSeconds(86400);
    ZoneId utc = ZoneId.of("UTC");

    assertThat(
            TrafficReport.rows(
                log.facts(),
                new ReportCriteria(
                    from, to, utc, Set.of(), Set.of(), AccountScope.only(Set.of(2L)))))
        .isEmpty();
    assertThat(
            TrafficReport.rows(
                log.facts(),
                new ReportCriteria(from, to, utc, Set.of(12L), Set.of(), AccountScope.ALL)))
        .isEmpty();
    assertThat(
            TrafficReport.rows(
                log.facts(),
                new ReportCriteria(
                    from, to, utc, Set.of(11L), Set.of(), AccountScope.only(Set.of(1L)))))
        .hasSize(1);
  }
}
