package com.conversation24.exports.reports.conversations;

import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationClosed;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.StoredEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chat as its events tell it, each list in the order of EVENTS.md. Only a session whose {@code
 * conversation.started} is stored is a conversation; its first start counts, and events that came
 * before it in time (a message sent early) still belong to it.
 */
public record Conversation(
    ConversationStarted started,
    List<ConversationAssigned> assignments,
    List<MessagePosted> messages,
    Optional<ConversationClosed> closed,
    Optional<SurveySubmitted> survey,
    Optional<SuccessCodeSet> successCode,
    List<GoalReached> goals,
    List<VisitorBlocked> blocks) {

  public Conversation {
    assignments = List.copyOf(assignments);
    messages = List.copyOf(messages);
    goals = List.copyOf(goals);
    blocks = List.copyOf(blocks);
  }

  /** The conversations of the facts, in the order their starts happened. */
  public static List<Conversation> all(ReportFacts facts) {
    Map<String, Builder> sessions = new LinkedHashMap<>();
    for (ConversationEvent event : StoredEvents.of(facts, ConversationEvent.class)) {
      sessions.computeIfAbsent(event.sessionId(), id -> new Builder()).add(event);
    }
    return sessions.values().stream()
        .filter(b -> b.started != null)
        .map(Builder::build)
        .sorted((a, b) -> PlatformEvent.ORDER.compare(a.started(), b.started()))
        .toList();
  }

  public String sessionId() {
    return started.sessionId();
  }

  public Optional<ConversationAssigned> firstAssignment() {
    return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(0));
  }

  public Optional<ConversationAssigned> lastAssignment() {
    return assignments.isEmpty()
        ? Optional.empty()
        : Optional.of(assignments.get(assignments.size() - 1));
  }

  /** Collects the events of one session; they arrive in order, so "latest" is the last seen. */
  private static final class Builder {
    private ConversationStarted started;
    private final List<ConversationAssigned> assignments = new ArrayList<>();
    private final List<MessagePosted> messages = new ArrayList<>();
    private ConversationClosed closed;
    private SurveySubmitted survey;
    private SuccessCodeSet successCode;
    private final List<GoalReached> goals = new ArrayList<>();
    private final List<VisitorBlocked> blocks = new ArrayList<>();

    void add(ConversationEvent event) {
      if (event instanceof ConversationStarted s) {
        if (started == null) {
          started = s;
        }
      } else if (event instanceof ConversationAssigned a) {
        assignments.add(a);
      } else if (event instanceof MessagePosted m) {
        messages.add(m);
      } else if (event instanceof ConversationClosed c) {
        closed = c;
      } else if (event instanceof SurveySubmitted s) {
        survey = s;
      } else if (event instanceof SuccessCodeSet c) {
        successCode = c;
      } else if (event instanceof GoalReached g) {
        goals.add(g);
      } else if (event instanceof VisitorBlocked b) {
        blocks.add(b);
      }
    }

    Conversation build() {
      return new Conversation(
          started,
          assignments,
          messages,
          Optional.ofNullable(closed),
          Optional.ofNullable(survey),
          Optional.ofNullable(successCode),
          goals,
          blocks);
    }
  }
}
