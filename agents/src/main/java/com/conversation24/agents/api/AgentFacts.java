package com.conversation24.agents.api;

import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import com.conversation24.campaigns.ingest.spi.FactTable;
import com.conversation24.campaigns.platform.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only query port: the stored facts of agents (profiles, deletions, logins, logouts,
 * presence), as the published records. Decoded again from the stored envelopes on each call, so a
 * record always means what the decoder makes of it now.
 */
@ApplicationScoped
public class AgentFacts {

  /** The context's fact table, written by its recorder and read here. */
  public static final FactTable TABLE =
      new FactTable("agents_fact", AgentUpdated.class, event -> Optional.of(key(agentOf(event))));

  @Inject DataSource dataSource;

  @Inject Instance<EventDecoder> decoders;

  /**
   * The stored facts of these agents, each agent's from its own instant on (at or after it), in
   * the order of EVENTS.md, as committed now (waiting for batches in flight that add to them):
   * what the ingesting transaction derives an agent's timeline again from.
   */
  public List<PlatformEvent> ofAgentsSince(Map<Long, Instant> fromByAgent) {
    Map<String, Long> fromMs = new LinkedHashMap<>();
    fromByAgent.forEach((agent, from) -> fromMs.put(key(agent), from.toEpochMilli()));
    return TABLE.ofEntitiesSince(dataSource, new EventDecoders(decoders), fromMs);
  }

  private static String key(long agentId) {
    return Long.toString(agentId);
  }

  private static long agentOf(PlatformEvent event) {
    if (event instanceof AgentUpdated e) {
      return e.agentId();
    } else if (event instanceof AgentDeleted e) {
      return e.agentId();
    } else if (event instanceof AgentLoggedIn e) {
      return e.agentId();
    } else if (event instanceof AgentLoggedOut e) {
      return e.agentId();
    } else if (event instanceof AgentStateChanged e) {
      return e.agentId();
    }
    throw new IllegalArgumentException("not an agent's event: " + event);
  }
}
