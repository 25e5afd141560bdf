package com.conversation24.agents.api;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventDecoders;
import com.conversation24.campaigns.api.ingest.FactTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read-only query port: the stored facts of agents (profiles, deletions, logins, logouts,
 * presence), as the published records. Decoded again from the stored envelopes on each call, so a
 * record always means what the decoder makes of it now.
 */
@ApplicationScoped
public class AgentFacts {

  /** The context's fact table, written by its recorder and read here. */
  public static final FactTable TABLE = new FactTable("agents_fact", AgentUpdated.class);

  @Inject DataSource dataSource;

  @Inject Instance<EventDecoder> decoders;

  /** Every stored fact of this context, in the order of EVENTS.md. */
  public List<PlatformEvent> all() {
    return TABLE.all(dataSource, new EventDecoders(decoders));
  }

  /** The profiles and deletions only: what a directory of agents needs, without the presence. */
  public List<PlatformEvent> profiles() {
    return TABLE.ofTypes(
        dataSource, new EventDecoders(decoders), List.of("agent.updated", "agent.deleted"));
  }
}
