package com.conversation24.campaigns.interfaces.ingest;

import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventData;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Set;

/**
 * The campaigns event types of EVENTS.md. Fields are read in the order of its table, so the first
 * fault is the one named. {@code @Typed}: the class is final, so CDI proxies it by its interface.
 */
@ApplicationScoped
@Typed(EventDecoder.class)
public final class CampaignEventDecoder implements EventDecoder {

  private static final Set<String> TYPES =
      Set.of("account.updated", "campaign.updated", "entrypoint.updated", "host.updated");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public PlatformEvent decode(EventEnvelope envelope) {
    EventData data = new EventData(envelope);
    String id = envelope.id();
    return switch (envelope.type()) {
      case "account.updated" ->
          new AccountUpdated(id, envelope.at(), data.id("account_id"), data.text("name"));
      case "campaign.updated" ->
          new CampaignUpdated(
              id,
              envelope.at(),
              data.id("chatcampaign_id"),
              data.id("account_id"),
              data.text("name"));
      case "entrypoint.updated" ->
          new EntryPointUpdated(
              id,
              envelope.at(),
              data.id("entrypoint_id"),
              data.id("chatcampaign_id"),
              data.text("name"),
              data.choice("type", EntryPointType.class));
      case "host.updated" ->
          new HostUpdated(
              id, envelope.at(), data.id("host_id"), data.id("account_id"), data.text("hostname"));
      default -> throw new IllegalArgumentException("not a campaigns event: " + envelope.type());
    };
  }
}
