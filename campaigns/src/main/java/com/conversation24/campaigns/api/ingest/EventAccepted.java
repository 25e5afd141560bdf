package com.conversation24.campaigns.api.ingest;

import com.conversation24.campaigns.api.PlatformEvent;
import java.util.Objects;

/**
 * An event just appended to the log (or replayed from it), as one item of {@link EventsAccepted}:
 * each context stores the facts it owns and then publishes the record. The envelope travels along
 * so that contexts store the event in a form they can decode again.
 */
public record EventAccepted(PlatformEvent event, EventEnvelope envelope) {

  public EventAccepted {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(envelope, "envelope");
  }
}
