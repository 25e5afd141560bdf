package com.conversation24.exports.reports.timelines;

import com.conversation24.agents.api.PresenceState;
import java.time.Instant;

/**
 * A change of an agent's presence in one campaign that took effect: the last of the changes at its
 * instant, to a state the agent was not in. {@code eventId} is the event that made it (an {@code
 * agent.state_changed}, or the logout or login of a {@link SignOff}); {@code key} names the change
 * uniquely across all agents and campaigns.
 */
public record PresenceChange(
    long agentId, long campaignId, Instant at, PresenceState state, String eventId, String key) {

  /** The key of a change made by an {@code agent.state_changed}: its event id. */
  static String keyOfStateChange(String eventId) {
    return eventId;
  }

  /**
   * The key of the offline a sign-off sets in one campaign. One sign-off changes every campaign of
   * the agent, so the campaign is part of the key; {@code /} never occurs in an event id
   * (EVENTS.md), so no state change's key can equal it.
   */
  static String keyOfSignOff(String eventId, long campaignId) {
    return eventId + "/" + campaignId;
  }

  public boolean online() {
    return state == PresenceState.ONLINE;
  }
}
