package com.conversation24.exports.reports.traffic;

import com.conversation24.traffic.api.InviteOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What the Traffic and Automatic invites reports count per entry point and clock hour. */
public enum TrafficCounter {
  VISITS(null),
  VIEWS(null),
  CLICKS(null),
  CHATS(null),
  INVITE_MATCHED(InviteOutcome.MATCHED),
  INVITE_SHOWN(InviteOutcome.SHOWN),
  INVITE_ACCEPTED(InviteOutcome.ACCEPTED),
  INVITE_DECLINED(InviteOutcome.DECLINED),
  INVITE_CANCELLED(InviteOutcome.CANCELLED),
  INVITE_NO_AVAILABILITY(InviteOutcome.NO_AVAILABILITY),
  INVITE_EXPIRED(InviteOutcome.EXPIRED),
  INVITE_IGNORED(InviteOutcome.IGNORED);

  /** Looked up per ingested invite outcome. */
  private static final Map<InviteOutcome, TrafficCounter> OF_OUTCOME = new EnumMap<>(InviteOutcome.class);

  static {
    for (TrafficCounter counter : values()) {
      if (counter.outcome != null) {
        OF_OUTCOME.put(counter.outcome, counter);
      }
    }
  }

  private final InviteOutcome outcome;

  TrafficCounter(InviteOutcome outcome) {
    this.outcome = outcome;
  }

  /** The counter of an invite outcome. */
  public static TrafficCounter of(InviteOutcome outcome) {
    TrafficCounter counter = OF_OUTCOME.get(outcome);
    if (counter == null) {
      throw new IllegalArgumentException("no counter for " + outcome);
    }
    return counter;
  }

  /** The invite outcome this counter counts; none for the Traffic report's counters. */
  public Optional<InviteOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }
}
