package com.conversation24.exports.jobs;

import com.conversation24.campaigns.ingest.api.LogPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a done job's file is, so that a client can check what it downloaded and know what it
 * holds: its rows, its size and SHA-256, the catalogue version its columns follow, how far
 * ingestion had got when the reading began ({@code ingested}, {@code takenAt}).
 */
public record JobManifest(
    long rows,
    long bytes,
    String sha256,
    int catalogueVersion,
    LogPosition ingested,
    Instant takenAt) {

  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  public JobManifest {
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes are counts: " + rows + ", " + bytes);
    }
    if (sha256 == null || !HEX_64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256: 64 lower-case hex digits, not " + sha256);
    }
    Objects.requireNonNull(ingested, "ingested");
    Objects.requireNonNull(takenAt, "takenAt");
  }
}
