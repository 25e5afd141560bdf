package com.conversation24.agents.application;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.agents.api.AgentsRecorded;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import com.conversation24.campaigns.api.ingest.RecordingOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores the accepted events of agents (profiles, deletions, logins, logouts, presence), then
 * publishes them as this context's record of the batch, in log order. Both happen synchronously in
 * the log's transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class AgentFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<AgentsRecorded> published;

  void record(@Observes @Priority(RecordingOrder.AGENTS) EventsAccepted batch) {
    List<PlatformEvent> stored = AgentFacts.TABLE.recordOwned(dataSource, batch);
    if (!stored.isEmpty()) {
      published.fire(new AgentsRecorded(stored));
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    AgentFacts.TABLE.clear(dataSource);
  }
}
