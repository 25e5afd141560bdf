package com.conversation24.agents.interfaces.ingest;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.agents.api.AgentLoggedOut;
import com.conversation24.agents.api.AgentStateChanged;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventData;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Set;

/**
 * The agents event types of EVENTS.md. Fields are read in the order of its table, so the first
 * fault is the one named. {@code @Typed}: the class is final, so CDI proxies it by its interface.
 */
@ApplicationScoped
@Typed(EventDecoder.class)
public final class AgentEventDecoder implements EventDecoder {

  private static final int MAX_CHATS_LIMIT = 100;

  private static final Set<String> TYPES =
      Set.of(
          "agent.updated",
          "agent.deleted",
          "agent.logged_in",
          "agent.logged_out",
          "agent.state_changed");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public PlatformEvent decode(EventEnvelope envelope) {
    EventData data = new EventData(envelope);
    String id = envelope.id();
    return switch (envelope.type()) {
      case "agent.updated" ->
          new AgentUpdated(
              id,
              envelope.at(),
              data.id("agent_id"),
              data.id("account_id"),
              data.text("username"),
              data.optionalText("firstname"),
              data.optionalText("lastname"),
              data.optionalText("email"),
              data.optionalInteger("max_chats", 1, MAX_CHATS_LIMIT));
      case "agent.deleted" -> new AgentDeleted(id, envelope.at(), data.id("agent_id"));
      case "agent.logged_in" ->
          new AgentLoggedIn(id, envelope.at(), data.id("agent_id"), data.key("workshift_id"));
      case "agent.logged_out" ->
          new AgentLoggedOut(id, envelope.at(), data.id("agent_id"), data.key("workshift_id"));
      case "agent.state_changed" ->
          new AgentStateChanged(
              id,
              envelope.at(),
              data.id("agent_id"),
              data.id("chatcampaign_id"),
              data.choice("state", PresenceState.class));
      default -> throw new IllegalArgumentException("not an agents event: " + envelope.type());
    };
  }
}
