package com.conversation24.exports.application;

/**
 * The shapes an export is written in. CSV is the file the console downloads; JSON (one array) and
 * NDJSON (one object a line) carry the same cells, keyed by column name, for programs.
 */
public enum ExportFormat {
  CSV("text/csv"),
  JSON("application/json"),
  NDJSON("application/x-ndjson");

  private final String mediaType;

  ExportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
