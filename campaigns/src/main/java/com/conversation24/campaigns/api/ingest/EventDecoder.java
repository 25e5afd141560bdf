package com.conversation24.campaigns.api.ingest;

import com.conversation24.campaigns.api.PlatformEvent;
import java.util.Set;

/**
 * How a context takes its own event types: it validates the {@code data} of an envelope per
 * EVENTS.md and turns it into the context's published record. Each context has one.
 */
public interface EventDecoder {

  /** The EVENTS.md type names this context owns, such as {@code agent.logged_in}. */
  Set<String> types();

  /**
   * @throws InvalidEventException naming the field at fault when the data breaks a rule
   */
  PlatformEvent decode(EventEnvelope envelope);
}
