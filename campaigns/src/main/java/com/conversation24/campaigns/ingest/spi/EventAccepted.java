package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Objects;

/**
 * An event just appended to the log (or replayed from it), as one item of the batch the kernel
 * hands each context: the context files the facts it owns and then publishes the record. {@code
 * logSeq} is the log's row of it (the only stored copy of the event), which a context's fact
 * refers to.
 */
public record EventAccepted(PlatformEvent event, EventEnvelope envelope, long logSeq) {

  public EventAccepted {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(envelope, "envelope");
  }
}
