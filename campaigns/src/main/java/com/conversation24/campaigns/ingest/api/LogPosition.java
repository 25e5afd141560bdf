package com.conversation24.campaigns.ingest.api;

import java.time.Instant;
import java.util.Optional;

/**
 * How far ingestion had got at one moment: the highest sequence number of the event log and when
 * that event was received; {@code seq} 0 and no time while the log is empty.
 */
public record LogPosition(long seq, Optional<Instant> receivedAt) {

  public static final LogPosition EMPTY = new LogPosition(0, Optional.empty());
}
