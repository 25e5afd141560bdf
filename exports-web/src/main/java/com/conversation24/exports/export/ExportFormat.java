package com.conversation24.exports.export;

import java.util.Locale;
import java.util.Optional;

/**
 * The shapes an export is written in. CSV is the file the console downloads; JSON (one array) and
 * NDJSON (one object a line) carry the same cells, keyed by column name, for programs; XLSX is a
 * spreadsheet of typed cells (decision 34).
 */
public enum ExportFormat {
  CSV("text/csv", true),
  JSON("application/json", false),
  NDJSON("application/x-ndjson", false),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true);

  /** The query parameter that chooses a format by name, over {@code Accept}. */
  public static final String PARAMETER = "format";

  private final String mediaType;
  private final boolean download;

  ExportFormat(String mediaType, boolean download) {
    this.mediaType = mediaType;
    this.download = download;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The response's Content-Type: text in UTF-8; a workbook is a ZIP file, with no charset. */
  public String contentType() {
    return this == XLSX ? mediaType : mediaType + "; charset=UTF-8";
  }

  /** Whether it comes as an attachment with a file name (CSV and XLSX, the files people open). */
  public boolean download() {
    return download;
  }

  /** Its name in {@code format=} and its file name's extension: csv, json, ndjson, xlsx. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of this {@code format=} value, if any. */
  public static Optional<ExportFormat> named(String name) {
    for (ExportFormat format : values()) {
      if (format.extension().equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
