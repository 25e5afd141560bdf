package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a context declares about the events it owns, so that one recorder stores and publishes
 * every context's share of a batch: its fact table, its place in the order of {@link
 * RecordingOrder}, and the record it publishes of the events of one batch that are its own. A
 * context produces one of these as a CDI bean.
 *
 * @param <R> the context's record of a batch ({@code AgentsRecorded}, ...)
 */
public record RecordedEvents<R>(int order, FactTable table, Function<List<PlatformEvent>, R> record) {

  public RecordedEvents {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(record, "record");
  }
}
