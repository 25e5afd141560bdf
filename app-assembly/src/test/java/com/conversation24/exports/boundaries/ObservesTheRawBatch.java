package com.conversation24.exports.boundaries;

import com.conversation24.campaigns.ingest.application.EventsAccepted;

/** Breaks a boundary on purpose, for ArchitectureTest: exports-web observing a raw batch. */
public class ObservesTheRawBatch {

  public int count(EventsAccepted batch) {
    return batch.events().size();
  }
}
