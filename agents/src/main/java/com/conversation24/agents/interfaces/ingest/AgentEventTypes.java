package com.conversation24.agents.interfaces.ingest;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.agents.api.AgentLoggedOut;
import com.conversation24.agents.api.AgentStateChanged;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The agents event types of EVENTS.md, declared as data: each type's name and the fields its
 * record is read from, in the order of its table, so the first fault is the one named.
 */
@ApplicationScoped
public class AgentEventTypes {

  private static final int MAX_CHATS_LIMIT = 100;

  @Produces
  public static final EventDecoder DECODER =
      new EventDecoder(
          new EventType(
              "agent.updated",
              (envelope, data) ->
                  new AgentUpdated(
                      envelope.id(),
                      envelope.at(),
                      data.id("agent_id"),
                      data.id("account_id"),
                      data.text("username"),
                      data.optionalText("firstname"),
                      data.optionalText("lastname"),
                      data.optionalText("email"),
                      data.optionalInteger("max_chats", 1, MAX_CHATS_LIMIT))),
          new EventType(
              "agent.deleted",
              (envelope, data) ->
                  new AgentDeleted(envelope.id(), envelope.at(), data.id("agent_id"))),
          new EventType(
              "agent.logged_in",
              (envelope, data) ->
                  new AgentLoggedIn(
                      envelope.id(),
                      envelope.at(),
                      data.id("agent_id"),
                      data.key("workshift_id"))),
          new EventType(
              "agent.logged_out",
              (envelope, data) ->
                  new AgentLoggedOut(
                      envelope.id(),
                      envelope.at(),
                      data.id("agent_id"),
                      data.key("workshift_id"))),
          new EventType(
              "agent.state_changed",
              (envelope, data) ->
                  new AgentStateChanged(
                      envelope.id(),
                      envelope.at(),
                      data.id("agent_id"),
                      data.id("chatcampaign_id"),
                      data.choice("state", PresenceState.class))));

}
