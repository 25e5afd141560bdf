package com.conversation24.exports.reports.automaticinvites;

import com.conversation24.exports.reports.timelines.HourBucket;
import com.conversation24.traffic.api.InviteOutcome;
import java.time.LocalTime;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One row of Automatic invites: one invite entry point's outcomes in one clock hour, under its
 * campaign, owned by the campaign's account.
 */
public record AutomaticInvitesRow(
    long campaignId,
    HourBucket bucket,
    long filterId,
    OptionalLong accountId,
    String filterName,
    Map<InviteOutcome, Long> outcomes) {

  public AutomaticInvitesRow {
    outcomes = Map.copyOf(outcomes);
  }

  /** How many outcomes of this kind the hour had; 0 when none. */
  public long count(InviteOutcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** The hour's first second as a time of day: {@code HH:00:00}. */
  public LocalTime hourBegin() {
    return bucket.localHour().toLocalTime();
  }

  /** The hour's last second as a time of day: {@code HH:59:59}. */
  public LocalTime hourEnd() {
    return hourBegin().plusMinutes(59).plusSeconds(59);
  }
}
