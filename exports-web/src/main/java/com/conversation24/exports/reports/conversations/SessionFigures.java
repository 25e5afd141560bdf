package com.conversation24.exports.reports.conversations;

import com.conversation24.conversations.api.SurveyResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One conversation's figures that its own events settle: what the Conversations store keeps per
 * session. The cells that come from the directory (accounts and their names, the entry point's
 * type and name, the handling type) are added from the directory of the moment, so a late {@code
 * *.updated} never leaves a row stale. Durations are in milliseconds, rounded when printed.
 *
 * @param involvedAgentIds every agent of a receipt, an agent message or a block, each once in
 *     ascending order (the handling type compares their accounts with the campaign's)
 */
public record SessionFigures(
    String sessionId,
    long campaignId,
    Instant startedAt,
    long entryPointId,
    OptionalLong firstAgentId,
    OptionalLong lastAgentId,
    List<Long> involvedAgentIds,
    String visitorId,
    OptionalLong hostId,
    long numMessages,
    OptionalLong durationTotalMillis,
    long durationConversationMillis,
    OptionalLong durationAfterCloseMillis,
    BigDecimal avgMessageLength,
    long maxMessageLength,
    OptionalLong firstResponseMillis,
    OptionalLong firstReplyMillis,
    Optional<BigDecimal> avgResponseSeconds,
    OptionalLong maxResponseMillis,
    OptionalLong decisionMillis,
    Optional<String> acceptUrl,
    Optional<String> successCode,
    Optional<SurveyResult> surveyResult,
    Optional<String> surveyComment,
    String visitorIdentifier,
    boolean blocked,
    Optional<String> blockReason,
    Optional<String> goals,
    Optional<BigDecimal> totalGoalValue) {

  public SessionFigures {
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
