package com.conversation24.traffic.application;

import com.conversation24.campaigns.ingest.spi.RecordedEvents;
import com.conversation24.campaigns.ingest.spi.RecordingOrder;
import com.conversation24.traffic.api.TrafficFacts;
import com.conversation24.traffic.api.TrafficRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The events of traffic (page views, entry point views and clicks, invite outcomes), kept in
 * {@code traffic_fact}, published as {@link TrafficRecorded}.
 */
@ApplicationScoped
public class TrafficRecording {

  @Produces
  RecordedEvents<TrafficRecorded> owned() {
    return new RecordedEvents<>(RecordingOrder.TRAFFIC, TrafficFacts.TABLE, TrafficRecorded::new);
  }
}
