package com.conversation24.traffic.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.List;

/**
 * The traffic context's records of one batch (page views, entry point views and clicks, invite
 * outcomes), in log order, published once the batch's facts are stored, still in its transaction:
 * after the other contexts' records of the batch.
 */
public record TrafficRecorded(List<PlatformEvent> events) {

  public TrafficRecorded {
    events = List.copyOf(events);
  }
}
