package com.conversation24.campaigns.ingest.application;

import java.util.List;

/** The body of the {@code 200} answer to {@code POST /api/events}, shaped for JSON-B. */
public record IngestAnswer(int accepted, int duplicates, List<RejectedEvent> rejected) {

  public IngestAnswer {
    if (accepted < 0 || duplicates < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    rejected = List.copyOf(rejected);
  }
}
