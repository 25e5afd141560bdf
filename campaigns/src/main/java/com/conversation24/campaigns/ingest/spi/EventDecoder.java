package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventData;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a context takes its own event types, declared as data: the {@link EventType}s it owns, each
 * validating the {@code data} of an envelope per EVENTS.md and turning it into the context's
 * published record. Each context produces one as a CDI bean.
 */
public final class EventDecoder {

  private final Map<String, EventType.Reading> readings = new LinkedHashMap<>();

  public EventDecoder(EventType... types) {
    for (EventType type : types) {
      if (readings.put(type.name(), type.reading()) != null) {
        throw new IllegalArgumentException("event type declared twice: " + type.name());
      }
    }
  }

  /** The EVENTS.md type names this context owns, such as {@code agent.logged_in}. */
  public Set<String> types() {
    return readings.keySet();
  }

  /**
   * @throws InvalidInputException naming the field at fault when the data breaks a rule
   * @throws IllegalArgumentException when the context does not own the envelope's type
   */
  public PlatformEvent decode(EventEnvelope envelope) {
    EventType.Reading reading = readings.get(envelope.type());
    if (reading == null) {
      throw new IllegalArgumentException("not an event type of this context: " + envelope.type());
    }
    return reading.read(envelope, new EventData(envelope));
  }
}
