package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;

import com.conversation24.campaigns.ingest.application.EventsAccepted;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Objects;

/**
 * An event just appended to the log (or replayed from it), as one item of {@link EventsAccepted}:
 * each context files the facts it owns and then publishes the record. The envelope travels along,
 * also in its stored form, which the log keeps (the only stored copy of the event); {@code logSeq}
 * is the log's row of it, which a context's fact refers to.
 */
public record EventAccepted(PlatformEvent event, EventEnvelope envelope, String stored, long logSeq) {

  public EventAccepted {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(stored, "stored");
  }
}
