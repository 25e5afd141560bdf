package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The month shows every event type of EVENTS.md and every invite outcome. */
class SimulatorCoverageTest {

  private static final List<String> TYPES =
      List.of(
          "account.updated", "campaign.updated", "entrypoint.updated", "host.updated",
          "agent.updated", "agent.deleted", "agent.logged_in", "agent.logged_out", "agent.state_changed",
          "conversation.started", "conversation.assigned", "conversation.message", "conversation.closed",
          "conversation.survey_submitted", "conversation.success_code_set", "conversation.goal_reached",
          "visitor.blocked", "page.viewed", "entrypoint.viewed", "entrypoint.clicked", "invite.outcome");

  private static final List<String> OUTCOMES =
      List.of("matched", "shown", "accepted", "declined", "cancelled", "no_availability", "expired", "ignored");

  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private static List<JsonObject> events;

  @BeforeAll
  static void readTheMonth() {
    events = SimulatedMonth.lines().stream().map(l -> JSON.createReader(new StringReader(l)).readObject()).toList();
  }

  @Test
  void everyEventTypeAppears() {
    Set<String> types = events.stream().map(e -> e.getString("type")).collect(Collectors.toSet());

    assertThat(types).containsExactlyInAnyOrderElementsOf(TYPES);
  }

  @Test
  void everyInviteOutcomeAppears() {
    Set<String> outcomes =
        events.stream()
            .filter(e -> e.getString("type").equals("invite.outcome"))
            .map(e -> e.getJsonObject("data").getString("outcome"))
            .collect(Collectors.toSet());

    assertThat(outcomes).containsExactlyInAnyOrderElementsOf(OUTCOMES);
  }

  @Test
  void messagesComeFromVisitorsAgentsAndTheSystemInSeveralLanguages() {
    List<JsonObject> messages =
        events.stream().filter(e -> e.getString("type").equals("conversation.message")).map(e -> e.getJsonObject("data")).toList();

    assertThat(messages.stream().map(m -> m.getString("author")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("visitor", "agent", "system");
    Set<String> texts = messages.stream().map(m -> m.getString("text")).collect(Collectors.toSet());
    assertThat(texts.stream().anyMatch(t -> t.contains("Rücksendung"))).as("German").isTrue();
    assertThat(texts.stream().anyMatch(t -> t.contains("bestelling"))).as("Dutch").isTrue();
    assertThat(texts.stream().anyMatch(t -> t.matches(".*[\\u0600-\\u06FF].*"))).as("Arabic").isTrue();
  }

  @Test
  void theContactCenterAgentsServeTheFirstAccountsCampaigns() {
    Set<Long> contactCenterAgents =
        events.stream()
            .filter(e -> e.getString("type").equals("agent.updated"))
            .map(e -> e.getJsonObject("data"))
            .filter(d -> d.getJsonNumber("account_id").longValue() == SimulatedMonth.PLAN.accounts())
            .map(d -> d.getJsonNumber("agent_id").longValue())
            .collect(Collectors.toSet());

    assertThat(contactCenterAgents).hasSize(SimulatedMonth.PLAN.agentsPerAccount());
    assertThat(events)
        .filteredOn(e -> e.getString("type").equals("agent.state_changed"))
        .map(e -> e.getJsonObject("data"))
        .filteredOn(d -> contactCenterAgents.contains(d.getJsonNumber("agent_id").longValue()))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getJsonNumber("chatcampaign_id").longValue() / 100).isEqualTo(1));
  }
}
