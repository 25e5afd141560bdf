package com.conversation24.exports.reports;

import static com.conversation24.exports.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.agents.AgentsReport;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.hosts.HostsReport;
import com.conversation24.exports.reports.traffic.TrafficReport;
import com.conversation24.exports.testing.ExampleLog;
import com.conversation24.exports.testing.TestEvents;
import com.conversation24.traffic.api.InviteOutcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Reports depend on the set of stored events only, never on their arrival order or resends. */
class ConversationReportsArrivalPropertyTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** A log dense in ties and late arrivals: same instants, early messages, overwritten facts. */
  private static List<PlatformEvent> scenario() {
    TestEvents log = TestEvents.withAcme();
    log.host(1, 1, "shop.example.com").host(2, 4, "www.shop.example.com").deleted(1002);
    log.visitor("s1", "09:59:59", "before the start")
        .started("s1", "10:00:00")
        .started("s1", "10:00:00")
        .assigned("s1", "10:00:00", 1001)
        .agentSays("s1", "10:00:00", 4001, "same instant")
        .visitor("s1", "10:00:30", "hello")
        .agentSays("s1", "10:01:00", 1001, "hi")
        .assigned("s1", "10:01:00", 4001)
        .survey("s1", "10:02:00", SurveyResult.BAD, "slow")
        .survey("s1", "10:02:00", SurveyResult.GOOD, null)
        .successCode("s1", "10:02:00", "A")
        .successCode("s1", "10:02:00", "B")
        .goal("s1", "10:02:00", "purchase", "1.10")
        .goal("s1", "10:02:00", "purchase", "2.20")
        .blocked("s1", "10:02:30", 4001, "spam")
        .closed("s1", "10:03:00")
        .closed("s1", "10:03:00");
    log.started("s2", at("10:00:00"), 11, 1151).assigned("s2", "10:00:05", 777);
    log.assigned("never-started", "10:00:00", 1001);
    log.pageViewed(at("10:00:00"), 11, 1101L, 1151L, 1101L)
        .entryPointViewed(at("10:00:00"), 1151)
        .entryPointClicked(at("10:59:59"), 1151)
        .outcome(at("10:00:00"), 1151, InviteOutcome.SHOWN)
        .outcome(at("10:00:00"), 1151, InviteOutcome.ACCEPTED)
        .outcome(at("11:00:00"), 1101, InviteOutcome.SHOWN);
    return log.events();
  }

  private static List<List<List<String>>> reports(
      Collection<PlatformEvent> arrival, ReportCriteria criteria) {
    ReportFacts facts = ReportFacts.of(arrival);
    return List.of(
        ConversationsReport.rows(facts, criteria, TestEvents.BASE_URL),
        AutomaticInvitesReport.rows(facts, criteria),
        HostsReport.rows(facts, criteria),
        TrafficReport.rows(facts, criteria),
        AgentsReport.rows(facts, criteria));
  }

  /** The events in some arrival order, some of them sent twice. */
  private static Arbitrary<List<PlatformEvent>> arrivalsOf(List<PlatformEvent> stored) {
    return Arbitraries.subsetOf(stored)
        .flatMap(
            resent -> {
              List<PlatformEvent> sent = new ArrayList<>(stored);
              sent.addAll(resent);
              return Arbitraries.shuffle(sent);
            });
  }

  @Provide
  Arbitrary<List<PlatformEvent>> scenarioArrivals() {
    return arrivalsOf(scenario());
  }

  @Provide
  Arbitrary<List<PlatformEvent>> exampleArrivals() {
    return arrivalsOf(ExampleLog.events());
  }

  @Property(tries = 300)
  void anyArrivalOfTheScenarioGivesTheSameRows(
      @ForAll("scenarioArrivals") List<PlatformEvent> arrival) {
    ReportCriteria day = TestEvents.utcDay();

    assertThat(reports(arrival, day)).isEqualTo(reports(scenario(), day));
  }

  @Property(tries = 10)
  void anyArrivalOfTheWorkedExampleGivesTheSameRows(
      @ForAll("exampleArrivals") List<PlatformEvent> arrival) {
    ReportCriteria week =
        ReportCriteria.all(
            LocalDate.of(2026, 10, 23).atStartOfDay(AMSTERDAM).toInstant(),
            LocalDate.of(2026, 10, 28).atStartOfDay(AMSTERDAM).toInstant(),
            AMSTERDAM);

    assertThat(reports(arrival, week)).isEqualTo(reports(ExampleLog.events(), week));
  }
}
