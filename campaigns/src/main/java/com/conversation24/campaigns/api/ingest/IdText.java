package com.conversation24.campaigns.api.ingest;

/**
 * The text of EVENTS.md's ids and keys: 1 to {@code maxLength} characters of {@code
 * [A-Za-z0-9._:-]}. A loop rather than a regular expression: checked several times per event, the
 * expression cost a few per cent of ingestion (docs/benchmarks.md).
 */
final class IdText {

  private IdText() {}

  /** {@code text} when it is valid, else the rejection that names {@code field}. */
  static String require(String field, String text, int maxLength) {
    if (!isValid(text, maxLength)) {
      throw new InvalidEventException(
          field, "must be 1-" + maxLength + " characters of [A-Za-z0-9._:-]");
    }
    return text;
  }

  static boolean isValid(String text, int maxLength) {
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
