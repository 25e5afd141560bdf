package com.conversation24.campaigns.interfaces.ingest;

import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The campaigns event types of EVENTS.md, declared as data: each type's name and the fields its
 * record is read from, in the order of its table, so the first fault is the one named.
 */
@ApplicationScoped
public class CampaignEventTypes {

  @Produces
  public static final EventDecoder DECODER =
      new EventDecoder(
          new EventType(
              "account.updated",
              (envelope, data) ->
                  new AccountUpdated(
                      envelope.id(),
                      envelope.at(),
                      data.id("account_id"),
                      data.text("name"))),
          new EventType(
              "campaign.updated",
              (envelope, data) ->
                  new CampaignUpdated(
                      envelope.id(),
                      envelope.at(),
                      data.id("chatcampaign_id"),
                      data.id("account_id"),
                      data.text("name"))),
          new EventType(
              "entrypoint.updated",
              (envelope, data) ->
                  new EntryPointUpdated(
                      envelope.id(),
                      envelope.at(),
                      data.id("entrypoint_id"),
                      data.id("chatcampaign_id"),
                      data.text("name"),
                      data.choice("type", EntryPointType.class))),
          new EventType(
              "host.updated",
              (envelope, data) ->
                  new HostUpdated(
                      envelope.id(),
                      envelope.at(),
                      data.id("host_id"),
                      data.id("account_id"),
                      data.text("hostname"))));

}
