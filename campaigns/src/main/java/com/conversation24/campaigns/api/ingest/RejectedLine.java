package com.conversation24.campaigns.api.ingest;

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

  /** Longer ids are not echoed: a 10 MB id would make a 10 MB answer. */
  public static final int ECHOED_ID_LENGTH = 1024;

  /**
   * The id as sent, even when invalid, so that the client can find the line: not when it is
   * empty, holds an unpaired surrogate (no JSON writer can echo it) or is longer than {@link
   * #ECHOED_ID_LENGTH}.
   */
  public static Optional<String> readableId(String id) {
    return !id.isEmpty()
            && id.length() <= ECHOED_ID_LENGTH
            && !EventData.hasUnpairedSurrogate(id)
        ? Optional.of(id)
        : Optional.empty();
  }

  /** The reason as the answer shows it, starting with the field: {@code "code: required"}. */
  public String describe() {
    return field + ": " + reason;
  }
}
