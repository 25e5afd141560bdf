package com.conversation24.agents.api;

import com.conversation24.campaigns.api.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read-only query port: the stored facts of agents (profiles, deletions, logins, logouts, presence), as the published records. */
@ApplicationScoped
public class AgentFacts {

  /** Every stored fact of this context, in the order of EVENTS.md. */
  public List<PlatformEvent> all() {
    throw new UnsupportedOperationException(
        "report data is not stored yet: the ingestion issue wires this port to the database");
  }
}
