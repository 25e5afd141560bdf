package com.conversation24.campaigns.application;

import com.conversation24.campaigns.api.ingest.BatchTooLargeException;
import com.conversation24.campaigns.api.ingest.EventBatchReader;
import com.conversation24.campaigns.api.ingest.IngestLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The two size limits of a batch. The body is read with a cap rather than trusting {@code
 * Content-Length}: a chunked body has none, and a client may announce less than it sends.
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

  /**
   * @throws BatchTooLargeException as soon as the body goes past the limit, without reading on
   */
  public byte[] read(InputStream body) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
      if (read.size() + n > maxBytes) {
        throw new BatchTooLargeException("the body is larger than " + maxBytes + " bytes");
      }
      read.write(chunk, 0, n);
    }
    return read.toByteArray();
  }

  /** Rejected lines count too: each one is an event the client sent. */
  public void checkCount(List<? extends IngestLine> lines) {
    if (lines.size() > maxEvents) {
      throw new BatchTooLargeException(
          "the body holds " + lines.size() + " events, more than " + maxEvents);
    }
  }
}
