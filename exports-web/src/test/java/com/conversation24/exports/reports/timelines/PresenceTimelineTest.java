package com.conversation24.exports.reports.timelines;

import static com.conversation24.exports.testing.AgentScenario.AGENT;
import static com.conversation24.exports.testing.AgentScenario.CAMPAIGN;
import static com.conversation24.exports.testing.AgentScenario.OTHER_CAMPAIGN;
import static com.conversation24.exports.testing.AgentScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.testing.AgentScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTimelineTest {

  private static PresenceTimeline presence(AgentScenario scenario) {
    ReportFacts facts = scenario.facts();
    return PresenceTimeline.of(facts, WorkShifts.of(facts));
  }

  private static List<String> changes(PresenceTimeline presence, long campaignId) {
    return presence.changes(AGENT, campaignId).stream()
        .map(c -> c.at().toString().substring(11, 19) + " " + c.state() + " " + c.eventId())
        .toList();
  }

  @Test
  void anAgentIsOfflineUntilItsFirstOnlineSoALeadingOfflineIsNoChange() {
    PresenceTimeline presence = presence(AgentScenario.standard().offline("09:00").online("10:00"));

    assertThat(changes(presence, CAMPAIGN)).containsExactly("10:00:00 ONLINE e002");
  }

  @Test
  void aRepeatedStateIsNoChange() {
    PresenceTimeline presence =
        presence(AgentScenario.standard().online("10:00").online("10:30").offline("11:00"));

    assertThat(changes(presence, CAMPAIGN))
        .containsExactly("10:00:00 ONLINE e001", "11:00:00 OFFLINE e003");
  }

  @Test
  void sameInstantChangesOnlyLastCounts() {
    // At 11:00 the agent goes offline and back online: only the online takes effect, and it
    // repeats the state, so the agent was online without a break.
    PresenceTimeline presence =
        presence(
            AgentScenario.standard()
                .state("a", "10:00", CAMPAIGN, PresenceState.ONLINE)
                .state("b", "11:00", CAMPAIGN, PresenceState.OFFLINE)
                .state("c", "11:00", CAMPAIGN, PresenceState.ONLINE));

    assertThat(changes(presence, CAMPAIGN)).containsExactly("10:00:00 ONLINE a");
  }

  @Test
  void tiesOnAtAreOrderedById() {
    // Plain character order: "p2B" < "p2a" because 'B' (66) < 'a' (97); the offline is last.
    PresenceTimeline presence =
        presence(
            AgentScenario.standard()
                .state("p1", "10:00", CAMPAIGN, PresenceState.ONLINE)
                .state("p2a", "11:00", CAMPAIGN, PresenceState.OFFLINE)
                .state("p2B", "11:00", CAMPAIGN, PresenceState.ONLINE));

    assertThat(changes(presence, CAMPAIGN))
        .containsExactly("10:00:00 ONLINE p1", "11:00:00 OFFLINE p2a");
  }

  @Test
  void aLogoutSetsTheAgentOfflineInEveryCampaign() {
    PresenceTimeline presence =
        presence(
            AgentScenario.standard()
                .login("09:00", "ws-1")
                .online("10:00")
                .state("x", "10:00", OTHER_CAMPAIGN, PresenceState.ONLINE)
                .logout("12:00", "ws-1"));

    assertThat(changes(presence, CAMPAIGN))
        .containsExactly("10:00:00 ONLINE e002", "12:00:00 OFFLINE e003");
    assertThat(changes(presence, OTHER_CAMPAIGN))
        .containsExactly("10:00:00 ONLINE x", "12:00:00 OFFLINE e003");
    assertThat(presence.changes(AGENT, CAMPAIGN).get(1).key()).isEqualTo("e003/11");
    assertThat(presence.changes(AGENT, OTHER_CAMPAIGN).get(1).key()).isEqualTo("e003/12");
  }

  @Test
  void aLogoutOfAnotherShiftStillSetsOffline() {
    PresenceTimeline presence =
        presence(
            AgentScenario.standard()
                .login("09:00", "ws-1")
                .online("10:00")
                .logout("11:00", "ws-x"));

    assertThat(changes(presence, CAMPAIGN))
        .containsExactly("10:00:00 ONLINE e002", "11:00:00 OFFLINE e003");
  }

  @Test
  void aLoginThatEndsAnOpenShiftSetsOffline() {
    PresenceTimeline presence =
        presence(
            AgentScenario.standard().login("09:00", "ws-1").online("10:00").login("11:00", "ws-2"));

    assertThat(changes(presence, CAMPAIGN))
        .containsExactly("10:00:00 ONLINE e002", "11:00:00 OFFLINE e003");
  }

  @Test
  void aLoginWithoutAnOpenShiftChangesNothing() {
    PresenceTimeline presence =
        presence(AgentScenario.standard().online("08:00").login("09:00", "ws-1"));

    assertThat(changes(presence, CAMPAIGN)).containsExactly("08:00:00 ONLINE e001");
  }

  @Test
  void theStateAtAnInstantIsSetByTheLastChangeAtOrBeforeIt() {
    PresenceTimeline presence = presence(AgentScenario.standard().online("10:00").offline("11:00"));

    assertThat(presence.stateAt(AGENT, CAMPAIGN, t("09:59:59.999")))
        .isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.stateAt(AGENT, CAMPAIGN, t("10:00"))).isEqualTo(PresenceState.ONLINE);
    assertThat(presence.stateAt(AGENT, CAMPAIGN, t("11:00"))).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.stateAt(AGENT, OTHER_CAMPAIGN, t("10:30")))
        .isEqualTo(PresenceState.OFFLINE);
  }

  @Test
  void eachChangeStartsAnIntervalThatEndsAtTheNextAndTheLastIsOpen() {
    PresenceTimeline presence = presence(AgentScenario.standard().online("10:00").offline("11:00"));

    assertThat(presence.intervals())
        .extracting(i -> i.startAt() + " " + i.end().map(Object::toString).orElse("open"))
        .containsExactly("2026-10-24T10:00:00Z 2026-10-24T11:00:00Z", "2026-10-24T11:00:00Z open");
  }
}
