package com.conversation24.exports.reports.timelines;

import static com.conversation24.exports.testing.AgentScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.testing.AgentScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

  private static List<String> spans(AgentScenario scenario) {
    return Receipts.of(scenario.facts()).all().stream()
        .map(
            r ->
                r.agentId()
                    + " "
                    + r.receivedAt().toString().substring(11, 19)
                    + "-"
                    + r.releasedAt().map(x -> x.toString().substring(11, 19)).orElse("open"))
        .toList();
  }

  @Test
  void theNextAssignmentReleasesThePreviousReceipt() {
    assertThat(
            spans(
                AgentScenario.standard()
                    .started("10:00", "s1")
                    .assigned("10:00:05", "s1")
                    .assigned("10:10", "s1", 102)
                    .closed("10:20", "s1")))
        .containsExactly("101 10:00:05-10:10:00", "102 10:10:00-10:20:00");
  }

  @Test
  void anAssignmentToTheAgentHoldingTheChatIsANewReceipt() {
    assertThat(
            spans(
                AgentScenario.standard()
                    .started("10:00", "s1")
                    .assigned("10:01", "s1")
                    .assigned("10:02", "s1")
                    .closed("10:03", "s1")))
        .containsExactly("101 10:01:00-10:02:00", "101 10:02:00-10:03:00");
  }

  @Test
  void theFirstCloseAfterTheAssignmentReleasesAndAnAssignmentAfterACloseReopens() {
    assertThat(
            spans(
                AgentScenario.standard()
                    .started("10:00", "s1")
                    .assigned("10:01", "s1")
                    .closed("10:05", "s1")
                    .assigned("10:10", "s1", 102)
                    .closed("10:20", "s1")
                    .closed("10:25", "s1")))
        .containsExactly("101 10:01:00-10:05:00", "102 10:10:00-10:20:00");
  }

  @Test
  void withoutANextAssignmentOrACloseTheReceiptIsOpen() {
    assertThat(spans(AgentScenario.standard().started("10:00", "s1").assigned("10:01", "s1")))
        .containsExactly("101 10:01:00-open");
  }

  @Test
  void aSessionWithoutItsStartGivesNoReceiptUntilTheStartArrives() {
    AgentScenario scenario = AgentScenario.standard().assigned("10:01", "s1").closed("10:02", "s1");
    assertThat(spans(scenario)).isEmpty();
    assertThat(spans(scenario.started("10:00", "s1"))).containsExactly("101 10:01:00-10:02:00");
  }

  @Test
  void onlyMessagesBetweenTheAssignmentAndTheReleaseBelongToTheReceipt() {
    Receipt first =
        Receipts.of(
                AgentScenario.standard()
                    .started("10:00", "s1")
                    .visitorWrites("10:00:30", "s1")
                    .assigned("10:01", "s1")
                    .agentWrites("10:02", "s1", 999)
                    .agentWrites("10:03", "s1")
                    .assigned("10:05", "s1", 102)
                    .visitorWrites("10:06", "s1")
                    .closed("10:07", "s1")
                    .facts())
            .all()
            .get(0);

    assertThat(first.firstVisitorMessage()).isEmpty();
    assertThat(first.firstAgentMessage()).contains(t("10:03"));
  }
}
