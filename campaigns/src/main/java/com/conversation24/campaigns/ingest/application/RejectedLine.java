package com.conversation24.campaigns.ingest.application;

import java.util.Objects;
import java.util.Optional;

/**
 * A line that broke a rule: its number, its {@code id} when that is a readable non-empty string,
 * the field at fault ({@code line} when the line is not a JSON object) and why.
 */
public record RejectedLine(int line, Optional<String> id, String field, String reason)
    implements IngestLine {

  public RejectedLine {
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + line);
    }
    Objects.requireNonNull(id, "id");
    if (field == null || field.isBlank() || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection names a field and a reason");
    }
  }

  /** The reason as the answer shows it, starting with the field: {@code "code: required"}. */
  public String describe() {
    return field + ": " + reason;
  }
}
