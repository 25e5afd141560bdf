package com.conversation24.exports.reports.timelines;

import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationClosed;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.exports.reports.ReportFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every receipt of every conversation, with the latest survey of each conversation. A session whose
 * {@code conversation.started} is not stored is no conversation yet and gives no receipt; the first
 * start names the campaign and the entry point.
 */
public final class Receipts {

  private final List<Receipt> all;
  private final Map<Long, List<Receipt>> byAgent;
  private final Map<String, Receipt> lastOfSession;
  private final Map<String, SurveyResult> surveys;

  private Receipts(List<Receipt> all, Map<String, SurveyResult> surveys) {
    this.all = List.copyOf(all);
    this.surveys = Map.copyOf(surveys);
    this.byAgent = new HashMap<>();
    this.lastOfSession = new HashMap<>();
    for (Receipt receipt : this.all) {
      byAgent.computeIfAbsent(receipt.agentId(), a -> new ArrayList<>()).add(receipt);
      lastOfSession.put(receipt.sessionId(), receipt);
    }
  }

  /** A receipt being read from its session's events. */
  private static final class Holding {
    final ConversationAssigned assignment;
    Instant firstVisitorMessage;
    Instant firstAgentMessage;

    Holding(ConversationAssigned assignment) {
      this.assignment = assignment;
    }

    Receipt release(ConversationStarted started, Optional<Instant> at) {
      return new Receipt(
          assignment,
          started.campaignId(),
          started.entryPointId(),
          at,
          Optional.ofNullable(firstVisitorMessage),
          Optional.ofNullable(firstAgentMessage));
    }
  }

  public static Receipts of(ReportFacts facts) {
    Map<String, List<ConversationEvent>> sessions = new LinkedHashMap<>();
    Map<String, ConversationStarted> starts = new HashMap<>();
    Map<String, SurveyResult> surveys = new HashMap<>();
    for (ConversationEvent event : facts.all(ConversationEvent.class)) {
      sessions.computeIfAbsent(event.sessionId(), s -> new ArrayList<>()).add(event);
      if (event instanceof ConversationStarted started) {
        starts.putIfAbsent(started.sessionId(), started);
      } else if (event instanceof SurveySubmitted survey) {
        surveys.put(survey.sessionId(), survey.result());
      }
    }
    List<Receipt> receipts = new ArrayList<>();
    sessions.forEach(
        (sessionId, events) -> {
          ConversationStarted started = starts.get(sessionId);
          if (started != null) {
            receipts.addAll(receiptsOf(started, events));
          }
        });
    receipts.sort((a, b) -> PlatformEvent.ORDER.compare(a.assignment(), b.assignment()));
    return new Receipts(receipts, surveys);
  }

  /** Walks one session in event order: an assignment or a close releases the chat held. */
  private static List<Receipt> receiptsOf(
      ConversationStarted started, List<ConversationEvent> events) {
    List<Receipt> receipts = new ArrayList<>();
    Holding holding = null;
    for (ConversationEvent event : events) {
      if (event instanceof ConversationAssigned assigned) {
        if (holding != null) {
          receipts.add(holding.release(started, Optional.of(assigned.at())));
        }
        holding = new Holding(assigned);
      } else if (event instanceof ConversationClosed closed) {
        if (holding != null) {
          receipts.add(holding.release(started, Optional.of(closed.at())));
          holding = null;
        }
      } else if (event instanceof MessagePosted message && holding != null) {
        if (message.author() == MessageAuthor.VISITOR && holding.firstVisitorMessage == null) {
          holding.firstVisitorMessage = message.at();
        } else if (message.author() == MessageAuthor.AGENT
            && message.agentId().isPresent()
            && message.agentId().getAsLong() == holding.assignment.agentId()
            && holding.firstAgentMessage == null) {
          holding.firstAgentMessage = message.at();
        }
      }
    }
    if (holding != null) {
      receipts.add(holding.release(started, Optional.empty()));
    }
    return receipts;
  }

  /** All receipts, in the order of their assignments. */
  public List<Receipt> all() {
    return all;
  }

  /** The receipts of one agent, in the order of their assignments. */
  public List<Receipt> ofAgent(long agentId) {
    return byAgent.getOrDefault(agentId, List.of());
  }

  /** Whether this receipt is the last one of its conversation. */
  public boolean isLastOfItsConversation(Receipt receipt) {
    return receipt.equals(lastOfSession.get(receipt.sessionId()));
  }

  /** The latest survey result of a conversation. */
  public Optional<SurveyResult> survey(String sessionId) {
    return Optional.ofNullable(surveys.get(sessionId));
  }
}
