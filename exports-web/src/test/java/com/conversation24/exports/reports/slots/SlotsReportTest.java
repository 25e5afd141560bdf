package com.conversation24.exports.reports.slots;

import static com.conversation24.exports.testing.AgentScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.AgentScenario;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotsReportTest {

  private static List<List<String>> rows(AgentScenario scenario) {
    return SlotsReport.rows(scenario.facts(), AgentScenario.wholeDay());
  }

  @Test
  void oneRowPerReceiptWithTheAgentsPresenceAtTheAssignment() {
    AgentScenario scenario =
        AgentScenario.standard()
            .online("10:00")
            .started("10:05", "s1")
            .assigned("10:05:10", "s1")
            .offline("10:06")
            .assigned("10:07:30.500", "s1", 102)
            .closed("10:09", "s1");

    assertThat(rows(scenario))
        .containsExactly(
            List.of(
                "11",
                "101",
                "2026-10-24 10:05:10",
                "2026-10-24 10:07:30",
                "Online",
                "button",
                "141"),
            List.of(
                "11",
                "102",
                "2026-10-24 10:07:30",
                "2026-10-24 10:09:00",
                "Offline",
                "button",
                "90"));
  }

  @Test
  void aChangeAtTheInstantOfTheAssignmentSetsTheStateWhateverItsId() {
    AgentScenario scenario =
        AgentScenario.standard()
            .started("10:00", "s1")
            .assigned("10:05", "s1")
            .state("zzz", "10:05", AgentScenario.CAMPAIGN, PresenceState.ONLINE);

    assertThat(rows(scenario).get(0).get(4)).isEqualTo("Online");
  }

  @Test
  void anOpenSlotHasNoEndAndNoDuration() {
    assertThat(rows(AgentScenario.standard().started("10:00", "s1").assigned("10:05", "s1")))
        .containsExactly(List.of("11", "101", "2026-10-24 10:05:00", "", "Offline", "button", ""));
  }

  @Test
  void tiesOnAtAreOrderedByIdsThenByTheAssignments() {
    AgentScenario scenario =
        AgentScenario.standard()
            .started("10:00", "b")
            .started("10:00", "a")
            .assigned("10:05", "b", 102)
            .assigned("10:05", "b")
            .assigned("10:05", "a")
            .closed("10:06", "b");

    assertThat(rows(scenario))
        .extracting(r -> r.get(1) + " " + r.get(3))
        .containsExactly("101 2026-10-24 10:06:00", "101 ", "102 2026-10-24 10:05:00");
  }

  @Test
  void onlyReceiptsTakenInTheRangeAndOfVisibleCampaignsAreSlots() {
    AgentScenario scenario =
        AgentScenario.standard()
            .started("09:00", "early")
            .assigned("09:59:59.999", "early")
            .started("10:00", "s1")
            .assigned("10:00", "s1")
            .started("10:30", "s2")
            .assigned("11:00", "s2");
    ReportCriteria tenToEleven =
        new ReportCriteria(
            t("10:00"), t("11:00"), ZoneOffset.UTC, Set.of(), Set.of(), AccountScope.ALL);
    ReportCriteria otherAccount =
        new ReportCriteria(
            t("00:00"),
            t("23:00"),
            ZoneOffset.UTC,
            Set.of(),
            Set.of(),
            AccountScope.only(Set.of(2L)));

    assertThat(SlotsReport.rows(scenario.facts(), tenToEleven))
        .extracting(r -> r.get(2))
        .containsExactly("2026-10-24 10:00:00");
    assertThat(SlotsReport.rows(scenario.facts(), otherAccount)).isEmpty();
  }
}
