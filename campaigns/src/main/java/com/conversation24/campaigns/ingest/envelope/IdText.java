package com.conversation24.campaigns.ingest.envelope;

import com.conversation24.campaigns.platform.InvalidInputException;
import java.util.Optional;

/**
 * The text of EVENTS.md's ids and keys: 1 to {@code maxLength} characters of {@code
 * [A-Za-z0-9._:-]}. A loop rather than a regular expression: checked several times per event, the
 * expression cost a few per cent of ingestion (docs/benchmarks.md).
 */
public final class IdText {

  private IdText() {}

  /** Longer ids are not echoed: a 10 MB id would make a 10 MB answer. */
  public static final int ECHOED_ID_LENGTH = 1024;

  /**
   * The id as sent, even when invalid, so that the client can find the line: not when it is
   * empty, holds an unpaired surrogate (no JSON writer can echo it) or is longer than {@link
   * #ECHOED_ID_LENGTH}.
   */
  public static Optional<String> echoed(String id) {
    return !id.isEmpty()
            && id.length() <= ECHOED_ID_LENGTH
            && !EventData.hasUnpairedSurrogate(id)
        ? Optional.of(id)
        : Optional.empty();
  }

  /** {@code text} when it is valid, else the rejection that names {@code field}. */
  public static String require(String field, String text, int maxLength) {
    if (!isValid(text, maxLength)) {
      throw new InvalidInputException(
          field, "must be 1-" + maxLength + " characters of [A-Za-z0-9._:-]");
    }
    return text;
  }

  public static boolean isValid(String text, int maxLength) {
    int length = text.length();
    if (length == 0 || length > maxLength) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
