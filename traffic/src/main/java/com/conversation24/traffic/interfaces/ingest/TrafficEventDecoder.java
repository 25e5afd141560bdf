package com.conversation24.traffic.interfaces.ingest;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventData;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventEnvelope;
import com.conversation24.traffic.api.EntryPointClicked;
import com.conversation24.traffic.api.EntryPointViewed;
import com.conversation24.traffic.api.InviteOutcome;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import com.conversation24.traffic.api.PageViewed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Set;

/**
 * The traffic event types of EVENTS.md. Fields are read in the order of its table, so the first
 * fault is the one named. {@code @Typed}: the class is final, so CDI proxies it by its interface.
 */
@ApplicationScoped
@Typed(EventDecoder.class)
public final class TrafficEventDecoder implements EventDecoder {

  private static final Set<String> TYPES =
      Set.of("page.viewed", "entrypoint.viewed", "entrypoint.clicked", "invite.outcome");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public PlatformEvent decode(EventEnvelope envelope) {
    EventData data = new EventData(envelope);
    String id = envelope.id();
    return switch (envelope.type()) {
      case "page.viewed" ->
          new PageViewed(
              id,
              envelope.at(),
              data.id("chatcampaign_id"),
              data.key("visitor_id"),
              data.optionalId("host_id"),
              data.optionalUrl("url"),
              data.ids("entrypoint_ids"));
      case "entrypoint.viewed" ->
          new EntryPointViewed(id, envelope.at(), data.id("entrypoint_id"), data.key("visitor_id"));
      case "entrypoint.clicked" ->
          new EntryPointClicked(
              id, envelope.at(), data.id("entrypoint_id"), data.key("visitor_id"));
      case "invite.outcome" ->
          new InviteOutcomeRecorded(
              id,
              envelope.at(),
              data.id("entrypoint_id"),
              data.key("visitor_id"),
              data.choice("outcome", InviteOutcome.class));
      default -> throw new IllegalArgumentException("not a traffic event: " + envelope.type());
    };
  }
}
