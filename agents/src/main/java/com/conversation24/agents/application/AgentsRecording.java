package com.conversation24.agents.application;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.agents.api.AgentsRecorded;
import com.conversation24.campaigns.ingest.spi.RecordedEvents;
import com.conversation24.campaigns.ingest.spi.RecordingOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The events of agents (profiles, deletions, logins, logouts, presence), kept in {@code
 * agents_fact}, published as {@link AgentsRecorded}.
 */
@ApplicationScoped
public class AgentsRecording {

  @Produces
  RecordedEvents<AgentsRecorded> owned() {
    return new RecordedEvents<>(RecordingOrder.AGENTS, AgentFacts.TABLE, AgentsRecorded::new);
  }
}
