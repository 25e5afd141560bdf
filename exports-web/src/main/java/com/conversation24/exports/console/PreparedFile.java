package com.conversation24.exports.console;

import com.conversation24.exports.jobs.ExportJob;
import com.conversation24.exports.jobs.JobManifest;
import com.conversation24.exports.jobs.JobState;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Exports page's "Prepare file": an export job as the page shows it, in words, with how far
 * it has got (against the row count the criteria had when it was asked for) and, once done, its
 * manifest and the job's file URL, the one download path of export jobs.
 */
public record PreparedFile(
    long id,
    String reportTitle,
    JobState state,
    long rows,
    long expectedRows,
    String reason,
    String fileName,
    String fileUrl,
    long bytes,
    String sha256,
    int catalogueVersion,
    long ingestedSeq,
    String ingestedAt,
    String keptUntil)
    implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static PreparedFile of(ExportJob job, String reportTitle, long expectedRows, String contextPath) {
    JobManifest m = job.manifest().orElse(null);
    return new PreparedFile(
        job.id(),
        reportTitle,
        job.state(),
        m == null ? job.rowsWritten() : m.rows(),
        expectedRows,
        job.reason().orElse(""),
        job.fileName(),
        contextPath + "/api/export-jobs/" + job.id() + "/file",
        m == null ? 0 : m.bytes(),
        m == null ? "" : m.sha256(),
        m == null ? 0 : m.catalogueVersion(),
        m == null ? 0 : m.ingested().seq(),
        m == null ? "" : m.ingested().receivedAt().map(TIME::format).orElse("none yet"),
        job.expiresAt().map(TIME::format).orElse(""));
  }

  public boolean isFinished() {
    return state.finished();
  }

  public boolean isDone() {
    return state == JobState.DONE;
  }

  public boolean isFailed() {
    return state == JobState.FAILED;
  }

  /** 0 to 100; below 100 until the file is complete (new rows may arrive while it is written). */
  public int getPercent() {
    if (state == JobState.DONE) {
      return 100;
    }
    if (state != JobState.RUNNING || expectedRows <= 0) {
      return 0;
    }
    return (int) Math.min(99, rows * 100 / expectedRows);
  }

  /** Where the job is, in a sentence. */
  public String getWords() {
    switch (state) {
      case QUEUED:
        return "Waiting to start…";
      case RUNNING:
        return "Preparing: " + count(rows) + " of about " + count(expectedRows) + " rows";
      case DONE:
        return "Ready: " + count(rows) + (rows == 1 ? " row, " : " rows, ") + size(bytes) + ".";
      default:
        return "The file could not be prepared: " + reason;
    }
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A size as people read it: 812 bytes, 4.2 KB, 13.7 MB (powers of 1,000). */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  public String getBytesExact() {
    return count(bytes);
  }
}
