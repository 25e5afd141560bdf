package com.conversation24.exports.reports.slots;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.api.EntryPointType;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of Slots: a receipt (an agent receiving a chat) from t_recv to its release (none while
 * the agent still holds it), the agent's presence in the campaign at t_recv, and the type of the
 * conversation's entry point (none while the entry point is not known).
 */
public record SlotsRow(
    long campaignId,
    long agentId,
    Instant start,
    Optional<Instant> end,
    PresenceState state,
    Optional<EntryPointType> entryPointType) {

  /** t_rel - t_recv in milliseconds; none while open. */
  public OptionalLong durationMillis() {
    return end.isPresent()
        ? OptionalLong.of(end.get().toEpochMilli() - start.toEpochMilli())
        : OptionalLong.empty();
  }
}
