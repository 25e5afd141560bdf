package com.conversation24.campaigns.application;

import com.conversation24.campaigns.api.CampaignFacts;
import com.conversation24.campaigns.api.CampaignsRecorded;
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
 * Stores the accepted events of campaigns (accounts, campaigns, entry points, hosts), then
 * publishes them as this context's record of the batch, in log order. Both happen synchronously in
 * the log's transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class CampaignFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<CampaignsRecorded> published;

  void record(@Observes @Priority(RecordingOrder.CAMPAIGNS) EventsAccepted batch) {
    List<PlatformEvent> stored = CampaignFacts.TABLE.recordOwned(dataSource, batch);
    if (!stored.isEmpty()) {
      published.fire(new CampaignsRecorded(stored));
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    CampaignFacts.TABLE.clear(dataSource);
  }
}
