package com.conversation24.campaigns.application;

import com.conversation24.campaigns.api.CampaignFacts;
import com.conversation24.campaigns.api.CampaignsRecorded;
import com.conversation24.campaigns.ingest.spi.RecordedEvents;
import com.conversation24.campaigns.ingest.spi.RecordingOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The events of campaigns (accounts, campaigns, entry points, hosts), kept in {@code
 * campaigns_fact}, published as {@link CampaignsRecorded}.
 */
@ApplicationScoped
public class CampaignsRecording {

  @Produces
  RecordedEvents<CampaignsRecorded> owned() {
    return new RecordedEvents<>(RecordingOrder.CAMPAIGNS, CampaignFacts.TABLE, CampaignsRecorded::new);
  }
}
