package com.conversation24.exports.reports.agentperformance;

import static com.conversation24.exports.testing.AgentScenario.CAMPAIGN;
import static com.conversation24.exports.testing.AgentScenario.OTHER_CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.AgentScenario;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPerformanceReportTest {

  private static List<Map<String, String>> rows(AgentScenario scenario) {
    return rows(scenario, AgentScenario.wholeDay());
  }

  private static List<Map<String, String>> rows(AgentScenario scenario, ReportCriteria criteria) {
    return AgentPerformanceReport.rows(scenario.facts(), criteria).stream()
        .map(AgentPerformanceReportTest::named)
        .toList();
  }

  private static Map<String, String> named(List<String> cells) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      row.put(AgentPerformanceReport.COLUMNS.get(i).name(), cells.get(i));
    }
    return row;
  }

  /**
   * Shift 10:00-12:00 (7200 s); online 10:00-11:00 and 11:10-12:00 (6600 s, one break). Chat s1
   * held 10:10-10:30, answered at 10:12 (120 s waiting); chat s2 held 10:20-10:40, answered at
   * 10:25 (300 s waiting), the visitor never wrote. Open 10:10-10:40 = 1800 s, 2400 chat-seconds.
   */
  private static AgentScenario worked() {
    return worked(3);
  }

  private static AgentScenario worked(int maxChats) {
    return AgentScenario.standard(maxChats)
        .login("10:00", "ws-1")
        .online("10:00")
        .started("10:05", "s1")
        .assigned("10:10", "s1")
        .visitorWrites("10:11", "s1")
        .agentWrites("10:12", "s1")
        .assigned("10:20", "s2")
        .started("10:20", "s2")
        .agentWrites("10:25", "s2")
        .closed("10:30", "s1")
        .survey("10:31", "s1", SurveyResult.GOOD)
        .closed("10:40", "s2")
        .offline("11:00")
        .online("11:10")
        .logout("12:00", "ws-1");
  }

  @Test
  void aWorkedExampleGivesEveryColumn() {
    assertThat(AgentPerformanceReport.rows(worked().facts(), AgentScenario.wholeDay()))
        .containsExactly(
            List.of(
                "11",
                "101",
                "ws-1",
                "1",
                "Support",
                "2026-10-24 10:00:00",
                "2026-10-24 12:00:00",
                "2",
                "1",
                "1",
                "0",
                "1.33",
                "420",
                "1800",
                "5400",
                "6600",
                "600",
                "6600",
                "4800",
                "7200",
                "1",
                "0",
                "0"));
  }

  @Test
  void columnsAreNamedAsTheCsvHeader() {
    assertThat(AgentPerformanceReport.COLUMNS)
        .extracting(Column::name)
        .containsExactly(
            "chatcampaign_id",
            "agent_id",
            "workshift_id",
            "account_id",
            "chatcampaign_name",
            "workshift_start",
            "workshift_end",
            "num_chats",
            "num_breaks",
            "num_ignored",
            "num_abandoned",
            "avg_concurrency",
            "first_response_duration",
            "open_duration",
            "closed_duration",
            "online_duration",
            "offline_duration",
            "available_duration",
            "idle_duration",
            "session_duration",
            "survey_num_good",
            "survey_num_bad",
            "survey_num_moderate");
  }

  @Test
  void availableTimeEndsWhenTheAgentHoldsAsManyChatsAsItsCapacity() {
    // Capacity 1: while s1 or s2 is held (10:10-10:40) the agent is not available.
    AgentScenario scenario = worked(1);
    assertThat(rows(scenario).get(0)).containsEntry("available_duration", "4800");
  }

  @Test
  void capacityCountsTheChatsOfAllCampaigns() {
    // Capacity 2: s1 in 11 (10:00-10:30) and x in 12 (10:10-10:20) fill it for 600 s.
    AgentScenario scenario =
        AgentScenario.standard(2)
            .login("10:00", "ws-1")
            .online("10:00")
            .started("10:00", "s1")
            .assigned("10:00", "s1")
            .started("10:10", "x", OTHER_CAMPAIGN)
            .assigned("10:10", "x")
            .closed("10:20", "x")
            .closed("10:30", "s1")
            .logout("11:00", "ws-1");

    Map<String, String> support = rows(scenario).get(0);
    assertThat(support).containsEntry("chatcampaign_id", "11");
    assertThat(support).containsEntry("online_duration", "3600");
    assertThat(support).containsEntry("available_duration", "3000");
    assertThat(support).containsEntry("idle_duration", "1800");
  }

  @Test
  void idleTimeCanBeUnavailableWhenAnotherCampaignFillsTheCapacity() {
    // Capacity 1, used 10:00-10:20 by a chat in campaign 12: the agent idles in 11 but is not
    // available there, so idle (3600 s) exceeds available (2400 s) in campaign 11.
    AgentScenario scenario =
        AgentScenario.standard(1)
            .login("10:00", "ws-1")
            .online("10:00")
            .started("10:00", "x", OTHER_CAMPAIGN)
            .assigned("10:00", "x")
            .closed("10:20", "x")
            .logout("11:00", "ws-1");

    Map<String, String> support = rows(scenario).get(0);
    assertThat(support).containsEntry("chatcampaign_id", "11");
    assertThat(support).containsEntry("idle_duration", "3600");
    assertThat(support).containsEntry("available_duration", "2400");
  }

  @Test
  void receiptTakenBeforeShiftCountsWhileItLasts() {
    AgentScenario scenario =
        AgentScenario.standard()
            .started("09:40", "s0")
            .assigned("09:50", "s0")
            .agentWrites("09:51", "s0")
            .login("10:00", "ws-1")
            .online("10:00")
            .closed("10:30", "s0")
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("num_chats", "0");
    assertThat(row).containsEntry("open_duration", "1800");
    assertThat(row).containsEntry("avg_concurrency", "1.00");
    assertThat(row).containsEntry("idle_duration", "1800");
  }

  @Test
  void breakAtTheVeryEndOfAShiftIsNotCounted() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .offline("11:00")
            .logout("11:00", "ws-1");

    assertThat(rows(scenario).get(0)).containsEntry("num_breaks", "0");
  }

  @Test
  void theOfflineOfTheLogoutThatEndsTheShiftIsNoBreak() {
    AgentScenario scenario =
        AgentScenario.standard().login("10:00", "ws-1").online("10:00").logout("11:00", "ws-1");

    assertThat(rows(scenario).get(0)).containsEntry("num_breaks", "0");
  }

  @Test
  void aBreakIsAChangeFromOnlineToOfflineStrictlyInsideTheShift() {
    // Offline at 10:00 (the shift's first instant) is no change from online; 10:30 is a break,
    // 10:40 repeats offline.
    AgentScenario scenario =
        AgentScenario.standard()
            .online("09:00")
            .login("10:00", "ws-1")
            .offline("10:00")
            .online("10:10")
            .offline("10:30")
            .offline("10:40")
            .online("10:50")
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("num_breaks", "1");
    assertThat(row).containsEntry("online_duration", "1800");
    assertThat(row).containsEntry("offline_duration", "1800");
  }

  @Test
  void aLogoutOfAnotherShiftInsideTheShiftSetsOfflineAndIsABreak() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .logout("10:30", "ws-other")
            .online("10:40")
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("workshift_end", "2026-10-24 11:00:00");
    assertThat(row).containsEntry("num_breaks", "1");
    assertThat(row).containsEntry("online_duration", "3000");
  }

  @Test
  void sameInstantChangesOnlyLastCounts() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .state("a", "10:00", CAMPAIGN, PresenceState.ONLINE)
            .state("b", "10:30", CAMPAIGN, PresenceState.OFFLINE)
            .state("c", "10:30", CAMPAIGN, PresenceState.ONLINE)
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("num_breaks", "0");
    assertThat(row).containsEntry("online_duration", "3600");
  }

  @Test
  void loginWhileShiftOpenEndsIt() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .login("10:45", "ws-2")
            .online("10:50");

    List<Map<String, String>> rows = rows(scenario);
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("workshift_id", "ws-1");
              assertThat(row).containsEntry("workshift_end", "2026-10-24 10:45:00");
              assertThat(row).containsEntry("session_duration", "2700");
              assertThat(row).containsEntry("online_duration", "2700");
            });
  }

  @Test
  void anOpenShiftHasNoRow() {
    assertThat(rows(AgentScenario.standard().login("10:00", "ws-1").online("10:00"))).isEmpty();
  }

  @Test
  void theWholeShiftIsReportedWhenItEndsAfterTheRange() {
    ReportCriteria morning =
        ReportCriteria.all(AgentScenario.t("00:00"), AgentScenario.t("10:30"), ZoneOffset.UTC);
    ReportCriteria afternoon =
        ReportCriteria.all(AgentScenario.t("10:30"), AgentScenario.t("23:00"), ZoneOffset.UTC);

    assertThat(rows(worked(), morning).get(0)).containsEntry("session_duration", "7200");
    assertThat(rows(worked(), afternoon)).isEmpty();
  }

  @Test
  void aCampaignWithAReceiptButNoOnlineTimeHasARow() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .started("10:10", "s1")
            .assigned("10:10", "s1")
            .closed("10:20", "s1")
            .logout("11:00", "ws-1");

    assertThat(rows(scenario))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("num_chats", "1");
              assertThat(row).containsEntry("online_duration", "0");
              assertThat(row).containsEntry("available_duration", "0");
              assertThat(row).containsEntry("idle_duration", "0");
              assertThat(row).containsEntry("first_response_duration", "600");
              assertThat(row).containsEntry("num_abandoned", "1");
              assertThat(row).containsEntry("num_ignored", "1");
            });
  }

  @Test
  void aCampaignOnlineWithoutReceiptsHasARowAndOneWithNeitherHasNone() {
    AgentScenario scenario =
        AgentScenario.standard()
            .state("x1", "08:00", OTHER_CAMPAIGN, PresenceState.ONLINE)
            .state("x2", "09:00", OTHER_CAMPAIGN, PresenceState.OFFLINE)
            .login("10:00", "ws-1")
            .online("10:30")
            .logout("11:00", "ws-1");

    assertThat(rows(scenario))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("chatcampaign_id", "11");
              assertThat(row).containsEntry("num_chats", "0");
              assertThat(row).containsEntry("avg_concurrency", "0.00");
              assertThat(row).containsEntry("open_duration", "0");
              assertThat(row).containsEntry("online_duration", "1800");
              assertThat(row).containsEntry("idle_duration", "1800");
            });
  }

  @Test
  void surveyCountsByTheConversationsLastReceipt() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .started("10:00", "mine")
            .assigned("10:01", "mine")
            .closed("10:05", "mine")
            .survey("10:06", "mine", SurveyResult.BAD)
            .survey("10:07", "mine", SurveyResult.MODERATE)
            .started("10:10", "transferred")
            .assigned("10:11", "transferred")
            .assigned("10:12", "transferred", 102)
            .closed("10:15", "transferred")
            .survey("10:16", "transferred", SurveyResult.GOOD)
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("num_chats", "2");
    assertThat(row).containsEntry("survey_num_good", "0");
    assertThat(row).containsEntry("survey_num_bad", "0");
    assertThat(row).containsEntry("survey_num_moderate", "1");
  }

  @Test
  void anOpenReceiptIsIgnoredUnlessTheVisitorWroteBeforeTheShiftEnded() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .started("10:10", "s1")
            .assigned("10:10", "s1")
            .started("10:20", "s2")
            .assigned("10:20", "s2")
            .visitorWrites("10:50", "s1")
            .logout("11:00", "ws-1")
            .visitorWrites("11:05", "s2");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("num_chats", "2");
    assertThat(row).containsEntry("num_ignored", "1");
    assertThat(row).containsEntry("num_abandoned", "2");
    // Open until the end of the shift: 10:10-11:00 and 10:20-11:00, waiting all along.
    assertThat(row).containsEntry("open_duration", "3000");
    assertThat(row).containsEntry("first_response_duration", "3000");
    assertThat(row).containsEntry("avg_concurrency", "1.80");
  }

  @Test
  void firstResponseWaitEndsAtTheReleaseWhenTheAgentNeverAnswered() {
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00")
            .started("10:10", "s1")
            .assigned("10:10", "s1")
            .assigned("10:15", "s1", 102)
            .agentWrites("10:16", "s1")
            .closed("10:20", "s1")
            .logout("11:00", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("first_response_duration", "300");
    assertThat(row).containsEntry("open_duration", "300");
    assertThat(row).containsEntry("num_abandoned", "1");
  }

  @Test
  void durationsAreRoundedOnceFromMilliseconds() {
    // Online 10:00:00.400-10:00:01.900 = 1.5 s rounds half up to 2; session 3.0 s; offline is
    // 3000 - 1500 = 1500 ms, also 2, although 3 - 2 would say 1.
    AgentScenario scenario =
        AgentScenario.standard()
            .login("10:00", "ws-1")
            .online("10:00:00.400")
            .offline("10:00:01.900")
            .logout("10:00:03", "ws-1");

    Map<String, String> row = rows(scenario).get(0);
    assertThat(row).containsEntry("online_duration", "2");
    assertThat(row).containsEntry("offline_duration", "2");
    assertThat(row).containsEntry("session_duration", "3");
  }

  @Test
  void filtersAndTenancyFollowTheCampaign() {
    ReportCriteria otherAccount =
        new ReportCriteria(
            AgentScenario.t("00:00"),
            AgentScenario.t("23:00"),
            ZoneOffset.UTC,
            Set.of(),
            Set.of(),
            AccountScope.only(Set.of(2L)));
    ReportCriteria otherCampaign =
        new ReportCriteria(
            AgentScenario.t("00:00"),
            AgentScenario.t("23:00"),
            ZoneOffset.UTC,
            Set.of(OTHER_CAMPAIGN),
            Set.of(),
            AccountScope.ALL);
    ReportCriteria otherAgent =
        new ReportCriteria(
            AgentScenario.t("00:00"),
            AgentScenario.t("23:00"),
            ZoneOffset.UTC,
            Set.of(),
            Set.of(102L),
            AccountScope.ALL);
    ReportCriteria mine =
        new ReportCriteria(
            AgentScenario.t("00:00"),
            AgentScenario.t("23:00"),
            ZoneOffset.UTC,
            Set.of(CAMPAIGN),
            Set.of(AgentScenario.AGENT),
            AccountScope.only(Set.of(1L)));

    assertThat(rows(worked(), otherAccount)).isEmpty();
    assertThat(rows(worked(), otherCampaign)).isEmpty();
    assertThat(rows(worked(), otherAgent)).isEmpty();
    assertThat(rows(worked(), mine)).hasSize(1);
  }
}
