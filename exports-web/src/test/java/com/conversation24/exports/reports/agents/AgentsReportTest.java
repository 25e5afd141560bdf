package com.conversation24.exports.reports.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.TestEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentsReportTest {

  private static List<List<String>> rows(TestEvents log, AccountScope scope) {
    return AgentsReport.rows(
        log.facts(),
        new ReportCriteria(
            Instant.EPOCH,
            Instant.EPOCH.plusSeconds(1),
            ZoneId.of("UTC"),
            Set.of(),
            Set.of(),
            scope));
  }

  @Test
  void usernameDropsTheAccountPostfix() {
    TestEvents log = new TestEvents();
    log.agent(2, 1, "jane@acme").agent(1, 1, "plain.user");

    assertThat(rows(log, AccountScope.ALL))
        .containsExactly(
            List.of("1", "plain.user", "", "", "", "1", "0"),
            List.of("2", "jane", "", "", "", "1", "0"));
  }

  @Test
  void onlyTheLastAtStartsThePostfix() {
    assertThat(AgentsReport.withoutAccountPostfix("jane@example.com@acme"))
        .isEqualTo("jane@example.com");
  }

  @Test
  void deletedAgentStaysFlagged() {
    TestEvents log = new TestEvents();
    log.agent(4003, 4, "tess3@ccp").deleted(4003).deleted(9155);

    assertThat(rows(log, AccountScope.ALL))
        .containsExactly(List.of("4003", "tess3", "", "", "", "4", "1"));
  }

  @Test
  void latestProfileWinsFieldByFieldAndOnlyTheAgentsAccountSeesIt() {
    TestEvents log = new TestEvents();
    log.add(
            new AgentUpdated(
                "a1",
                TestEvents.DAY,
                9153,
                1,
                "edge.four",
                Optional.of("Four"),
                Optional.of("Edge"),
                Optional.of("four@acme.test"),
                OptionalInt.empty()))
        .add(
            new AgentUpdated(
                "a2",
                TestEvents.DAY.plusSeconds(60),
                9153,
                4,
                "edge.four@ccp",
                Optional.empty(),
                Optional.of("  "),
                Optional.empty(),
                OptionalInt.empty()));

    assertThat(rows(log, AccountScope.only(Set.of(4L))))
        .containsExactly(List.of("9153", "edge.four", "Four", "  ", "four@acme.test", "4", "0"));
    assertThat(rows(log, AccountScope.only(Set.of(1L)))).isEmpty();
  }
}
