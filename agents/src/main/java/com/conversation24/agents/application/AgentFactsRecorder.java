package com.conversation24.agents.application;

import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventAccepted;
import com.conversation24.campaigns.api.ingest.FactTable;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Stores the accepted events of agents (profiles, deletions, logins, logouts, presence), then
 * publishes each as this context's record. Both happen synchronously in the log's transaction, so
 * the facts commit or roll back with the log.
 */
@ApplicationScoped
public class AgentFactsRecorder {

  private static final FactTable TABLE = new FactTable("agents_fact");

  /** The records of this context are the events of its api package. */
  private static final String OWN_PACKAGE = AgentUpdated.class.getPackageName();

  @Inject DataSource dataSource;

  @Inject Event<Object> published;

  void record(@Observes EventAccepted accepted) {
    PlatformEvent event = accepted.event();
    if (!event.getClass().getPackageName().equals(OWN_PACKAGE)) {
      return;
    }
    TABLE.insert(dataSource, accepted.envelope());
    published.fire(event);
  }

  void forget(@Observes RebuildStarted rebuild) {
    TABLE.clear(dataSource);
  }
}
