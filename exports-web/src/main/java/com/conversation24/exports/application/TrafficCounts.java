package com.conversation24.exports.application;

import com.conversation24.campaigns.api.ingest.EventAccepted;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import com.conversation24.exports.infrastructure.TrafficQuarterStore;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the traffic counts per quarter hour: each accepted batch (or replayed page) adds its page
 * views, entry point views and clicks and invite outcomes, in the batch's transaction. Counted from
 * the batch itself rather than gathered event by event: nothing is held between calls, so a batch
 * that rolls back leaves no count behind for the next one. The log has already turned duplicates
 * away, so each event is counted once.
 */
@ApplicationScoped
public class TrafficCounts {

  @Inject TrafficQuarterStore store;

  void count(@Observes EventsAccepted batch) {
    List<EntryPointTally> tallies = new ArrayList<>();
    for (EventAccepted accepted : batch.events()) {
      tallies.addAll(EntryPointTally.of(accepted.event()));
    }
    store.add(tallies);
  }

  void forget(@Observes RebuildStarted rebuild) {
    store.clear();
  }
}
