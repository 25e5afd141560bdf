package com.conversation24.traffic.interfaces.ingest;

import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventType;
import com.conversation24.traffic.api.EntryPointClicked;
import com.conversation24.traffic.api.EntryPointViewed;
import com.conversation24.traffic.api.InviteOutcome;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import com.conversation24.traffic.api.PageViewed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The traffic event types of EVENTS.md, declared as data: each type's name and the fields its
 * record is read from, in the order of its table, so the first fault is the one named.
 */
@ApplicationScoped
public class TrafficEventTypes {

  @Produces
  public static final EventDecoder DECODER =
      new EventDecoder(
          new EventType(
              "page.viewed",
              (envelope, data) ->
                  new PageViewed(
                      envelope.id(),
                      envelope.at(),
                      data.id("chatcampaign_id"),
                      data.key("visitor_id"),
                      data.optionalId("host_id"),
                      data.optionalUrl("url"),
                      data.ids("entrypoint_ids"))),
          new EventType(
              "entrypoint.viewed",
              (envelope, data) ->
                  new EntryPointViewed(
                      envelope.id(),
                      envelope.at(),
                      data.id("entrypoint_id"),
                      data.key("visitor_id"))),
          new EventType(
              "entrypoint.clicked",
              (envelope, data) ->
                  new EntryPointClicked(
                      envelope.id(),
                      envelope.at(),
                      data.id("entrypoint_id"),
                      data.key("visitor_id"))),
          new EventType(
              "invite.outcome",
              (envelope, data) ->
                  new InviteOutcomeRecorded(
                      envelope.id(),
                      envelope.at(),
                      data.id("entrypoint_id"),
                      data.key("visitor_id"),
                      data.choice("outcome", InviteOutcome.class))));

}
