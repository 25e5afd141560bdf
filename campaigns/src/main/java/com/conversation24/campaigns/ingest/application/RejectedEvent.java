package com.conversation24.campaigns.ingest.application;

/**
 * One entry of {@code rejected} in the ingest answer: the line, its {@code id} (null when
 * unreadable), the {@code field} at fault ({@code line} when the line is not a JSON object) and the
 * reason, which starts with the field too ({@code "code: required"}).
 */
public record RejectedEvent(int line, String id, String field, String reason) {

  public static RejectedEvent of(RejectedLine line) {
    return new RejectedEvent(line.line(), line.id().orElse(null), line.field(), line.describe());
  }
}
