package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventData;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Objects;

/**
 * One event type of EVENTS.md as its context declares it: the type's name and how its record is
 * read from the envelope and the fields of its {@code data}. A reading takes the fields in the
 * order of the type's table, so the first fault is the one named.
 */
public record EventType(String name, Reading reading) {

  /** Reads one event's record; a field that breaks a rule is an {@code InvalidInputException}. */
  @FunctionalInterface
  public interface Reading {
    PlatformEvent read(EventEnvelope envelope, EventData data);
  }

  public EventType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reading, "reading");
  }
}
