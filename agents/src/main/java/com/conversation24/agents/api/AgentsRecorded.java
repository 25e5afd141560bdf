package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.List;

/**
 * The agents context's records of one batch (profiles, deletions, logins, logouts, presence), in
 * log order, published once the batch's facts are stored, still in its transaction: after the
 * campaigns context's records of the batch and before the conversations context's.
 */
public record AgentsRecorded(List<PlatformEvent> events) {

  public AgentsRecorded {
    events = List.copyOf(events);
  }
}
