package com.conversation24.exports.jobs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a file, {@code first} to {@code last} inclusive, as an HTTP {@code Range}
 * header asks for it (RFC 9110 section 14): {@code bytes=a-b}, {@code bytes=a-} or the last n
 * bytes, {@code bytes=-n}. A header this server does not serve as a range (malformed, another
 * unit, several ranges) is ignored and the whole file is sent, as RFC 9110 allows; a range that
 * starts past the end is {@link Unsatisfiable} (416).
 */
public record ByteRange(long first, long last) {

  private static final Pattern ONE_RANGE =
      Pattern.compile("bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);

  /** No byte of the file is in the range asked for. */
  public static final class Unsatisfiable extends Exception {
    private static final long serialVersionUID = 1L;

    Unsatisfiable(String header) {
      super("the range " + header + " starts past the file's end");
    }
  }

  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("not a range: " + first + "-" + last);
    }
  }

  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} of a 206 answer. */
  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** The {@code Content-Range} of a 416 answer. */
  public static String unsatisfied(long size) {
    return "bytes */" + size;
  }

  /**
   * The range of a file of {@code size} bytes that {@code header} asks for; empty when the whole
   * file is to be sent.
   */
  public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
    if (header == null) {
      return Optional.empty();
    }
    Matcher range = ONE_RANGE.matcher(header.strip());
    if (!range.matches()) {
      return Optional.empty();
    }
    String start = range.group(1);
    String end = range.group(2);
    if (start.isEmpty() && end.isEmpty()) {
      return Optional.empty();
    }
    if (start.isEmpty()) {
      long suffix = number(end);
      if (suffix == 0 || size == 0) {
        throw new Unsatisfiable(header);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = number(start);
    long last = end.isEmpty() ? Long.MAX_VALUE : number(end);
    if (last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw new Unsatisfiable(header);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  /** Digits as a number; more than a long holds is as good as infinite here. */
  private static long number(String digits) {
    String significant = digits.replaceFirst("^0+(?=\\d)", "");
    if (significant.length() > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(significant);
  }
}
