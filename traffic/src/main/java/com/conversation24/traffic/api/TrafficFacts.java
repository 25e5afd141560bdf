package com.conversation24.traffic.api;

import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import com.conversation24.campaigns.ingest.spi.FactTable;
import com.conversation24.campaigns.platform.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read-only query port: the stored facts of traffic (page views, entry point views and clicks,
 * invite outcomes), as the published records. Decoded again from the stored envelopes on each call,
 * so a record always means what the decoder makes of it now.
 */
@ApplicationScoped
public class TrafficFacts {

  /** The context's fact table, written by its recorder and read here. */
  public static final FactTable TABLE = new FactTable("traffic_fact", PageViewed.class);

  @Inject DataSource dataSource;

  @Inject Instance<EventDecoder> decoders;

  /** The stored facts with {@code from <= at < to}, in the order of EVENTS.md. */
  public List<PlatformEvent> between(Instant from, Instant to) {
    return TABLE.between(
        dataSource, new EventDecoders(decoders), from.toEpochMilli(), to.toEpochMilli());
  }
}
