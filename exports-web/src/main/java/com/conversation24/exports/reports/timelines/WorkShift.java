package com.conversation24.exports.reports.timelines;

import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One work shift of an agent: from its {@code agent.logged_in} to the {@code agent.logged_out} of
 * the same workshift_id, or to the next login of the agent, which ends it at that instant
 * (EVENTS.md). A shift with neither is still open and has no end.
 */
public record WorkShift(AgentLoggedIn login, Optional<PlatformEvent> endedBy) {

  public long agentId() {
    return login.agentId();
  }

  public String workshiftId() {
    return login.workshiftId();
  }

  public Instant start() {
    return login.at();
  }

  public Optional<Instant> end() {
    return endedBy.map(PlatformEvent::at);
  }

  public boolean closed() {
    return endedBy.isPresent();
  }
}
