package com.conversation24.exports.reports.conversations;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One conversation's figures that depend on its own events only: what the Conversations
 * projection stores. The cells that come from the directory (account names, entry point type,
 * handling type) and the start in the export's time zone are added when the row is read, so a
 * late {@code *.updated} never leaves a stored row stale.
 *
 * @param involvedAgentIds every agent of a receipt, an agent message or a block, each once in
 *     ascending order (the handling type compares them with the campaign's account)
 */
public record ConversationRow(
    String sessionId,
    long campaignId,
    Instant startedAt,
    long entryPointId,
    Optional<Long> firstAgentId,
    Optional<Long> lastAgentId,
    List<Long> involvedAgentIds,
    String visitorId,
    String hostId,
    String numMessages,
    String durationTotal,
    String durationConversation,
    String durationAfterClose,
    String avgMessageLength,
    String maxMessageLength,
    String firstResponseTime,
    String firstReplyTime,
    String avgResponseTime,
    String maxResponseTime,
    String decisionTime,
    String acceptUrl,
    String successCode,
    String surveyResult,
    String surveyComment,
    String visitorIdentifier,
    String blocked,
    String blockReason,
    String goals,
    String totalGoalValue) {

  public ConversationRow {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(startedAt, "startedAt");
    involvedAgentIds = distinctAscending(involvedAgentIds);
  }

  /** The ids once each, ascending; without a stream, because exports build a row per line. */
  private static List<Long> distinctAscending(List<Long> ids) {
    if (ids.size() <= 1) {
      return List.copyOf(ids);
    }
    Long[] sorted = ids.toArray(new Long[0]);
    Arrays.sort(sorted);
    int kept = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (!sorted[i].equals(sorted[kept - 1])) {
        sorted[kept++] = sorted[i];
      }
    }
    return List.of(Arrays.copyOf(sorted, kept));
  }
}
