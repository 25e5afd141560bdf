package com.conversation24.campaigns.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.List;

/**
 * The campaigns context's records of one batch (accounts, campaigns, entry points, hosts), in log
 * order, published once the batch's facts are stored, still in its transaction. Fired before the
 * other contexts' records of the same batch, so their readers find the directory current.
 */
public record CampaignsRecorded(List<PlatformEvent> events) {

  public CampaignsRecorded {
    events = List.copyOf(events);
  }
}
