package com.conversation24.traffic.application;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import com.conversation24.campaigns.api.ingest.RecordingOrder;
import com.conversation24.traffic.api.TrafficFacts;
import com.conversation24.traffic.api.TrafficRecorded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores the accepted events of traffic (page views, entry point views and clicks, invite
 * outcomes), then publishes each as this context's record, in log order. Both happen synchronously
 * in the log's transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class TrafficFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<TrafficRecorded> published;

  void record(@Observes @Priority(RecordingOrder.TRAFFIC) EventsAccepted batch) {
    List<PlatformEvent> stored = TrafficFacts.TABLE.recordOwned(dataSource, batch);
    if (!stored.isEmpty()) {
      published.fire(new TrafficRecorded(stored));
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    TrafficFacts.TABLE.clear(dataSource);
  }
}
