package com.conversation24.exports.reports.timelines;

import com.conversation24.conversations.api.ConversationAssigned;
import java.time.Instant;
import java.util.Optional;

/**
 * A receipt (REPORTS.md "Derived timelines"): one {@code conversation.assigned} of a session to an
 * agent, in the conversation's campaign. It holds the chat from t_recv to its release t_rel (the
 * next assignment or close of the session; absent while open). The first visitor message and the
 * first message of the receiving agent that came after the assignment and before the release are
 * kept, for the figures that ask whether anyone wrote during the receipt.
 */
public record Receipt(
    ConversationAssigned assignment,
    long campaignId,
    long entryPointId,
    Optional<Instant> releasedAt,
    Optional<Instant> firstVisitorMessage,
    Optional<Instant> firstAgentMessage) {

  public String sessionId() {
    return assignment.sessionId();
  }

  public long agentId() {
    return assignment.agentId();
  }

  /** t_recv. */
  public Instant receivedAt() {
    return assignment.at();
  }

  public boolean open() {
    return releasedAt.isEmpty();
  }

  /** t_recv in epoch milliseconds. */
  long fromMillis() {
    return receivedAt().toEpochMilli();
  }

  /** t_rel in epoch milliseconds; {@link Long#MAX_VALUE} while open. */
  long untilMillis() {
    return releasedAt.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
  }

  /**
   * The end of the time during which the chat waits for the agent's first answer: that answer, or
   * the release when the agent did not write before it.
   */
  long unansweredUntilMillis() {
    return firstAgentMessage.map(Instant::toEpochMilli).orElse(untilMillis());
  }
}
