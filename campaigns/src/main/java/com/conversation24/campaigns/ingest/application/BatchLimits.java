package com.conversation24.campaigns.ingest.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The two size limits of a batch. The body is read with a cap: a chunked body declares no length,
 * and one that declares its length is read no further than that.
 */
public final class BatchLimits {

  private final int maxBytes;
  private final int maxEvents;

  public BatchLimits(int maxBytes, int maxEvents) {
    this.maxBytes = maxBytes;
    this.maxEvents = maxEvents;
  }

  /** The limits of EVENTS.md: 16 MiB, 10,000 events. */
  public static BatchLimits ofTheSpec() {
    return new BatchLimits(EventBatchReader.MAX_BODY_BYTES, EventBatchReader.MAX_EVENTS);
  }

  /** A body of unknown length (chunked), read to its end. */
  public byte[] read(InputStream body) throws IOException {
    return read(body, -1);
  }

  /**
   * Reads at most {@code declaredLength} bytes when the request declares its length ({@code -1}:
   * to the body's end), so that a body too large by its own account is refused before any of it
   * is read, and the read does not depend on the container ending the stream at that length (it
   * does not for a request carrying {@code Upgrade:} when the upgrade is not taken, decision 38).
   *
   * @throws BatchTooLargeException when the declared length is past the limit (nothing is read),
   *     or as soon as the body goes past it, without reading on
   * @throws IOException when the body ends before its declared length, or the client stalls
   */
  public byte[] read(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > maxBytes) {
      throw tooLarge();
    }
    boolean declared = declaredLength >= 0;
    // Of a chunked body, one byte past the limit is enough to know it is too large.
    long wanted = declared ? declaredLength : maxBytes + 1L;
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    while (read.size() < wanted) {
      int n = body.read(chunk, 0, (int) Math.min(chunk.length, wanted - read.size()));
      if (n < 0) {
        if (declared) {
          throw new IOException(
              "the body ended after " + read.size() + " of its " + declaredLength + " bytes");
        }
        break;
      }
      read.write(chunk, 0, n);
    }
    if (read.size() > maxBytes) {
      throw tooLarge();
    }
    return read.toByteArray();
  }

  private BatchTooLargeException tooLarge() {
    return new BatchTooLargeException("the body is larger than " + maxBytes + " bytes");
  }

  /** Rejected lines count too: each one is an event the client sent. */
  public void checkCount(List<? extends IngestLine> lines) {
    if (lines.size() > maxEvents) {
      throw new BatchTooLargeException(
          "the body holds " + lines.size() + " events, more than " + maxEvents);
    }
  }
}
