package com.conversation24.campaigns.api.ingest;

/** One entry of {@code rejected} in the ingest answer; {@code id} is null when unreadable. */
public record RejectedEvent(int line, String id, String reason) {

  public static RejectedEvent of(RejectedLine line) {
    return new RejectedEvent(line.line(), line.id().orElse(null), line.describe());
  }
}
