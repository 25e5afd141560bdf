package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The decoders of all contexts by the type names they own: to judge arriving events and to decode
 * stored envelopes again.
 */
public final class EventDecoders {

  private final Map<String, EventDecoder> byType = new HashMap<>();

  /**
   * @throws IllegalArgumentException when two contexts' decoders declare one type
   */
  public EventDecoders(Iterable<? extends EventDecoder> decoders) {
    for (EventDecoder decoder : decoders) {
      for (String type : decoder.types()) {
        EventDecoder other = byType.put(type, decoder);
        if (other != null && other != decoder) {
          throw new IllegalArgumentException(
              "event type " + type + " is declared by two contexts' decoders");
        }
      }
    }
  }

  /** Whether a context owns events of this type. */
  public boolean owns(String type) {
    return byType.containsKey(type);
  }

  /**
   * An arriving event's record: a rule it breaks is the sender's fault.
   *
   * @throws InvalidInputException naming the field whose rule the data breaks
   * @throws IllegalArgumentException when no context owns the type
   */
  public PlatformEvent decodeArriving(EventEnvelope envelope) {
    EventDecoder decoder = byType.get(envelope.type());
    if (decoder == null) {
      throw new IllegalArgumentException("no context owns the event type " + envelope.type());
    }
    return decoder.decode(envelope);
  }

  /**
   * A stored event's record.
   *
   * @throws IllegalArgumentException when no context owns the type
   * @throws IllegalStateException when the stored data no longer holds the rules: a fault of the
   *     server's (a rule tightened after the event was accepted), never of whoever asked, so not
   *     the {@link InvalidInputException} (a 400) that the rule threw
   */
  public PlatformEvent decode(EventEnvelope envelope) {
    try {
      return decodeArriving(envelope);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(
          "stored event " + envelope.id() + " no longer holds the rules: " + e.getMessage(), e);
    }
  }
}
