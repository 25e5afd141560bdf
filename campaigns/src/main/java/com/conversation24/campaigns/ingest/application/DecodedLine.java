package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Objects;

/** A line whose envelope and data held every rule; duplicates are judged later. */
public record DecodedLine(int line, EventEnvelope envelope, PlatformEvent event)
    implements IngestLine {

  public DecodedLine {
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + line);
    }
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(event, "event");
    if (!event.eventId().equals(envelope.id()) || !event.at().equals(envelope.at())) {
      throw new IllegalArgumentException("event " + event + " is not of envelope " + envelope.id());
    }
  }

  public String id() {
    return envelope.id();
  }

  /**
   * Computed when asked, not with every line: only a line whose id was met before (stored, or
   * earlier in the batch) is judged by it.
   */
  public ContentFingerprint fingerprint() {
    return ContentFingerprint.of(envelope);
  }
}
