package com.conversation24.conversations.interfaces.ingest;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventData;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventEnvelope;
import com.conversation24.campaigns.api.ingest.InvalidEventException;
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
import jakarta.enterprise.inject.Typed;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The conversations event types of EVENTS.md. Fields are read in the order of its table, so the
 * first fault is the one named. {@code @Typed}: the class is final, so CDI proxies it by its
 * interface.
 */
@ApplicationScoped
@Typed(EventDecoder.class)
public final class ConversationEventDecoder implements EventDecoder {

  private static final Set<String> TYPES =
      Set.of(
          "conversation.started",
          "conversation.assigned",
          "conversation.message",
          "conversation.closed",
          "conversation.survey_submitted",
          "conversation.success_code_set",
          "conversation.goal_reached",
          "visitor.blocked");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public PlatformEvent decode(EventEnvelope envelope) {
    EventData data = new EventData(envelope);
    String id = envelope.id();
    return switch (envelope.type()) {
      case "conversation.started" ->
          new ConversationStarted(
              id,
              envelope.at(),
              data.key("session_id"),
              data.id("chatcampaign_id"),
              data.key("visitor_id"),
              data.id("entrypoint_id"),
              data.optionalId("host_id"),
              data.optionalText("visitor_identifier"),
              data.optionalUrl("accept_url"),
              data.optionalInstantNotAfterAt("session_started_at"),
              data.optionalInstantNotAfterAt("entrypoint_shown_at"));
      case "conversation.assigned" ->
          new ConversationAssigned(id, envelope.at(), data.key("session_id"), data.id("agent_id"));
      case "conversation.message" -> message(envelope, data);
      case "conversation.closed" ->
          new ConversationClosed(
              id, envelope.at(), data.key("session_id"), data.optionalId("agent_id"));
      case "conversation.survey_submitted" ->
          new SurveySubmitted(
              id,
              envelope.at(),
              data.key("session_id"),
              data.choice("result", SurveyResult.class),
              data.optionalText("comment"));
      case "conversation.success_code_set" ->
          new SuccessCodeSet(id, envelope.at(), data.key("session_id"), data.text("code"));
      case "conversation.goal_reached" ->
          new GoalReached(
              id,
              envelope.at(),
              data.key("session_id"),
              data.goal("goal"),
              data.goalValue("value"));
      case "visitor.blocked" ->
          new VisitorBlocked(
              id, envelope.at(), data.key("session_id"), data.id("agent_id"), data.text("reason"));
      default ->
          throw new IllegalArgumentException("not a conversations event: " + envelope.type());
    };
  }

  private static MessagePosted message(EventEnvelope envelope, EventData data) {
    String sessionId = data.key("session_id");
    MessageAuthor author = data.choice("author", MessageAuthor.class);
    OptionalLong agentId = data.optionalId("agent_id");
    if (author == MessageAuthor.AGENT && agentId.isEmpty()) {
      throw new InvalidEventException("agent_id", "required when author is agent");
    }
    return new MessagePosted(
        envelope.id(), envelope.at(), sessionId, author, agentId, data.text("text"));
  }
}
