package com.conversation24.exports.reports.agentactivity;

import com.conversation24.agents.api.PresenceState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One row of Agent activity: an activity interval of (agent, campaign), from the presence change
 * that starts it to the next one (none while open), owned by the campaign's account.
 */
public record AgentActivityRow(
    long campaignId,
    long agentId,
    Instant start,
    Optional<Instant> end,
    PresenceState state,
    OptionalLong accountId,
    UUID activityId) {

  /** end - start in milliseconds; none while open. */
  public OptionalLong durationMillis() {
    return end.isPresent()
        ? OptionalLong.of(end.get().toEpochMilli() - start.toEpochMilli())
        : OptionalLong.empty();
  }

  /** {@code Online} or {@code Offline}, as the report prints presence. */
  public static String printed(PresenceState state) {
    return state == PresenceState.ONLINE ? "Online" : "Offline";
  }
}
