package com.conversation24.campaigns.api;

import com.conversation24.campaigns.api.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read-only query port: the stored facts of campaigns (accounts, campaigns, entry points, hosts), as the published records. */
@ApplicationScoped
public class CampaignFacts {

  /** Every stored fact of this context, in the order of EVENTS.md. */
  public List<PlatformEvent> all() {
    throw new UnsupportedOperationException(
        "report data is not stored yet: the ingestion issue wires this port to the database");
  }
}
