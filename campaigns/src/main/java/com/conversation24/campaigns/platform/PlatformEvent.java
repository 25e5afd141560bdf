package com.conversation24.campaigns.platform;

import java.time.Instant;
import java.util.Comparator;

/**
 * A fact the chat platform reported, as published by the context that owns it. Every report is
 * derived from these facts only, in the one order EVENTS.md defines: by {@code at}, then by
 * {@code eventId} in plain character order.
 */
public interface PlatformEvent {

  /** The largest id of EVENTS.md (2^53-1, the largest integer every JSON parser holds exactly). */
  long MAX_ID = (1L << 53) - 1;

  /** The EVENTS.md order: {@code at}, then {@code id}. "Before", "latest", "next" mean this. */
  Comparator<PlatformEvent> ORDER =
      Comparator.comparing(PlatformEvent::at).thenComparing(PlatformEvent::eventId);

  String eventId();

  /** When it happened, kept to the millisecond. */
  Instant at();
}
