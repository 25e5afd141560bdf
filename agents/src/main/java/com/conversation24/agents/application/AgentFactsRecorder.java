package com.conversation24.agents.application;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Stores the accepted events of agents (profiles, deletions, logins, logouts, presence), then
 * publishes each as this context's record, in log order. Both happen synchronously in the log's
 * transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class AgentFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<Object> published;

  void record(@Observes EventsAccepted batch) {
    for (PlatformEvent event : AgentFacts.TABLE.recordOwned(dataSource, batch)) {
      published.fire(event);
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    AgentFacts.TABLE.clear(dataSource);
  }
}
