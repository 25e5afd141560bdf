package com.conversation24.conversations.interfaces.ingest;

import com.conversation24.campaigns.ingest.envelope.EventData;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventType;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationClosed;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.OptionalLong;

/**
 * The conversations event types of EVENTS.md, declared as data: each type's name and the fields its
 * record is read from, in the order of its table, so the first fault is the one named.
 */
@ApplicationScoped
public class ConversationEventTypes {

  @Produces
  public static final EventDecoder DECODER =
      new EventDecoder(
          new EventType(
              "conversation.started",
              (envelope, data) ->
                  new ConversationStarted(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.id("chatcampaign_id"),
                      data.key("visitor_id"),
                      data.id("entrypoint_id"),
                      data.optionalId("host_id"),
                      data.optionalText("visitor_identifier"),
                      data.optionalUrl("accept_url"),
                      data.optionalInstantNotAfterAt("session_started_at"),
                      data.optionalInstantNotAfterAt("entrypoint_shown_at"))),
          new EventType(
              "conversation.assigned",
              (envelope, data) ->
                  new ConversationAssigned(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.id("agent_id"))),
          new EventType("conversation.message", ConversationEventTypes::message),
          new EventType(
              "conversation.closed",
              (envelope, data) ->
                  new ConversationClosed(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.optionalId("agent_id"))),
          new EventType(
              "conversation.survey_submitted",
              (envelope, data) ->
                  new SurveySubmitted(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.choice("result", SurveyResult.class),
                      data.optionalText("comment"))),
          new EventType(
              "conversation.success_code_set",
              (envelope, data) ->
                  new SuccessCodeSet(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.text("code"))),
          new EventType(
              "conversation.goal_reached",
              (envelope, data) ->
                  new GoalReached(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.goal("goal"),
                      data.goalValue("value"))),
          new EventType(
              "visitor.blocked",
              (envelope, data) ->
                  new VisitorBlocked(
                      envelope.id(),
                      envelope.at(),
                      data.key("session_id"),
                      data.id("agent_id"),
                      data.text("reason"))));

  private static MessagePosted message(EventEnvelope envelope, EventData data) {
    String sessionId = data.key("session_id");
    MessageAuthor author = data.choice("author", MessageAuthor.class);
    OptionalLong agentId = data.optionalId("agent_id");
    if (author == MessageAuthor.AGENT && agentId.isEmpty()) {
      throw new InvalidInputException("agent_id", "required when author is agent");
    }
    return new MessagePosted(
        envelope.id(), envelope.at(), sessionId, author, agentId, data.text("text"));
  }
}
