package com.conversation24.exports.reports.agentactivity;

import static com.conversation24.exports.testing.AgentScenario.CAMPAIGN;
import static com.conversation24.exports.testing.AgentScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.AgentScenario;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentActivityReportTest {

  private static List<List<String>> rows(AgentScenario scenario, ReportCriteria criteria) {
    return AgentActivityReport.rows(scenario.facts(), criteria);
  }

  /** The row without its activity_id, which is checked on its own. */
  private static List<List<String>> withoutIds(List<List<String>> rows) {
    return rows.stream().map(r -> r.subList(0, r.size() - 1)).toList();
  }

  private static ReportCriteria between(String from, String to) {
    return ReportCriteria.all(t(from), t(to), ZoneOffset.UTC);
  }

  @Test
  void eachChangeGivesAnIntervalUntilTheNextWithItsDuration() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("09:00", "ws-1")
            .online("10:00")
            .offline("10:30:00.500")
            .online("11:00")
            .logout("12:00", "ws-1");

    assertThat(withoutIds(rows(scenario, AgentScenario.wholeDay())))
        .containsExactly(
            List.of(
                "11", "101", "2026-10-24 10:00:00", "2026-10-24 10:30:00", "Online", "1801", "1"),
            List.of(
                "11", "101", "2026-10-24 10:30:00", "2026-10-24 11:00:00", "Offline", "1800", "1"),
            List.of(
                "11", "101", "2026-10-24 11:00:00", "2026-10-24 12:00:00", "Online", "3600", "1"),
            List.of("11", "101", "2026-10-24 12:00:00", "", "Offline", "", "1"));
  }

  @Test
  void anOldIntervalStillOpenShowsUnclippedInEveryLaterExport() {
    AgentScenario scenario = AgentScenario.standard().online("01:00");

    assertThat(withoutIds(rows(scenario, between("20:00", "21:00"))))
        .containsExactly(List.of("11", "101", "2026-10-24 01:00:00", "", "Online", "", "1"));
  }

  @Test
  void anIntervalEndingAtTheRangeStartOrStartingAtItsEndIsOutside() {
    AgentScenario scenario =
        AgentScenario.standard().online("10:00").offline("11:00").online("12:00").offline("13:00");

    assertThat(withoutIds(rows(scenario, between("11:00", "12:00"))))
        .containsExactly(
            List.of(
                "11", "101", "2026-10-24 11:00:00", "2026-10-24 12:00:00", "Offline", "3600", "1"));
  }

  @Test
  void timesPrintInTheZoneTruncatedToTheSecond() {
    AgentScenario scenario =
        AgentScenario.standard().online("10:00:00.999").offline("10:00:01.400");

    assertThat(
            rows(
                    scenario,
                    ReportCriteria.all(t("00:00"), t("23:00"), ZoneId.of("Europe/Amsterdam")))
                .get(0))
        .startsWith("11", "101", "2026-10-24 12:00:00", "2026-10-24 12:00:01", "Online", "0");
  }

  @Test
  void tiesOnAtAreOrderedByCampaignThenAgent() {
    AgentScenario scenario =
        AgentScenario.standard()
            .state("z", "10:00", AgentScenario.OTHER_CAMPAIGN, PresenceState.ONLINE)
            .state("y", "10:00", CAMPAIGN, PresenceState.ONLINE);

    assertThat(rows(scenario, AgentScenario.wholeDay()))
        .extracting(r -> r.get(0))
        .containsExactly("11", "12");
  }

  @Test
  void activityIdsAreUniqueAndStableWhenALateEventShortensTheInterval() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("09:00", "ws-1")
            .online("10:00")
            .state("x", "10:00", AgentScenario.OTHER_CAMPAIGN, PresenceState.ONLINE)
            .logout("12:00", "ws-1");
    List<String> before =
        rows(scenario, AgentScenario.wholeDay()).stream().map(r -> r.get(7)).toList();
    List<String> after =
        rows(scenario.offline("11:00"), AgentScenario.wholeDay()).stream()
            .map(r -> r.get(7))
            .toList();

    assertThat(before).hasSize(4).doesNotHaveDuplicates().allSatisfy(UUID::fromString);
    assertThat(after).contains(before.get(0)).doesNotHaveDuplicates();
    assertThat(before.get(0))
        .isEqualTo(
            UUID.nameUUIDFromBytes("activity:e002".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void aCampaignNotKnownYetHasNoAccountAndOnlyTheOperatorSeesIt() {
    AgentScenario scenario = AgentScenario.standard().state("x", "10:00", 99, PresenceState.ONLINE);
    ReportCriteria accountOne =
        new ReportCriteria(
            t("00:00"),
            t("23:00"),
            ZoneOffset.UTC,
            Set.of(),
            Set.of(),
            AccountScope.only(Set.of(1L)));

    assertThat(withoutIds(rows(scenario, AgentScenario.wholeDay())))
        .containsExactly(List.of("99", "101", "2026-10-24 10:00:00", "", "Online", "", ""));
    assertThat(rows(scenario, accountOne)).isEmpty();
  }

  @Test
  void campaignAndAgentFiltersSelectRows() {
    AgentScenario scenario =
        AgentScenario.standard()
            .online("10:00")
            .state("x", "10:00", AgentScenario.OTHER_CAMPAIGN, PresenceState.ONLINE);
    ReportCriteria campaign12 =
        new ReportCriteria(
            t("00:00"), t("23:00"), ZoneOffset.UTC, Set.of(12L), Set.of(), AccountScope.ALL);
    ReportCriteria agent102 =
        new ReportCriteria(
            t("00:00"), t("23:00"), ZoneOffset.UTC, Set.of(), Set.of(102L), AccountScope.ALL);

    assertThat(rows(scenario, campaign12)).extracting(r -> r.get(0)).containsExactly("12");
    assertThat(rows(scenario, agent102)).isEmpty();
  }
}
