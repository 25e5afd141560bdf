package com.conversation24.campaigns.api;

import com.conversation24.campaigns.ingest.spi.FactTable;

/**
 * The campaigns context's stored facts (accounts, campaigns, entry points, hosts): the table its
 * recorder writes. Nobody reads it whole: what the reports need of these entities is published as
 * {@link CampaignsRecorded} and kept by the reports' directory; a rebuild replays the log.
 */
public final class CampaignFacts {

  /** The context's fact table, written by its recorder. */
  public static final FactTable TABLE = new FactTable("campaigns_fact", AccountUpdated.class);

  private CampaignFacts() {}
}
