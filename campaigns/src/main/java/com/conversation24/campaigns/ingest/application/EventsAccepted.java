package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.spi.EventAccepted;
import java.util.List;

/**
 * The events one batch appended to the log (or one page of a replay), in log order, fired once and
 * synchronously inside the log's transaction: each context stores the ones it owns with one JDBC
 * batch, then publishes each as its record. One event per batch rather than per line keeps the
 * inserts multi-row: row-by-row inserts cost a round trip each.
 */
public record EventsAccepted(List<EventAccepted> events) {

  public EventsAccepted {
    events = List.copyOf(events);
  }
}
