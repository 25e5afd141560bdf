package com.conversation24.exports.reports.timelines;

import com.conversation24.agents.api.PresenceState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An activity interval of REPORTS.md: from a presence change of (agent, campaign) to the next one;
 * the last interval of a pair is open and has no end.
 */
public record ActivityInterval(PresenceChange start, Optional<Instant> end) {

  public long agentId() {
    return start.agentId();
  }

  public long campaignId() {
    return start.campaignId();
  }

  public Instant startAt() {
    return start.at();
  }

  public PresenceState state() {
    return start.state();
  }

  /**
   * The interval's id: a name-based UUID of the key of the change that starts it, so that the
   * interval keeps its id on every export and rebuild, also when a later event moves its end.
   */
  public UUID activityId() {
    return UUID.nameUUIDFromBytes(("activity:" + start.key()).getBytes(StandardCharsets.UTF_8));
  }
}
