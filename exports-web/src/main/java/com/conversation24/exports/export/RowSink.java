package com.conversation24.exports.export;

import com.conversation24.exports.csv.ReportCsvWriter;
import com.conversation24.exports.reports.Column;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where an export's rows go, one at a time, in the requested format. Nothing is closed: the
 * response stream belongs to the container, and after a failure nothing more may be written (the
 * transfer must break, not end cleanly).
 */
interface RowSink {

  /** One row, as its cells' text in the selected columns' order ({@code TextCells}). */
  void write(String[] row);

  /** Ends the document (the JSON array) and flushes; called only after every row was written. */
  void finish() throws IOException;

  /**
   * Bytes gathered before they go to the container: one call down its stack (Jersey, the servlet
   * response, the chunked encoder) per 64 KiB instead of per 8 KiB encoded by the writers.
   */
  int BUFFER_BYTES = 64 * 1024;

  static RowSink of(ExportFormat format, ExportCriteria export, OutputStream response) {
    List<? extends Column<?>> columns = export.columns();
    OutputStream out = new BufferedOutputStream(response, BUFFER_BYTES);
    switch (format) {
      case CSV:
        return csv(new ReportCsvWriter(out, columns, export.format()));
      case JSON:
        return json(Json.createGenerator(out), columns);
      case NDJSON:
        return ndjson(new OutputStreamWriter(out, StandardCharsets.UTF_8), columns);
      default:
        throw new IllegalArgumentException("no writer for " + format);
    }
  }

  private static RowSink csv(ReportCsvWriter csv) {
    return new RowSink() {
      @Override
      public void write(String[] row) {
        csv.write(row);
      }

      @Override
      public void finish() {
        csv.flush();
      }
    };
  }

  private static RowSink json(JsonGenerator json, List<? extends Column<?>> columns) {
    json.writeStartArray();
    return new RowSink() {
      @Override
      public void write(String[] row) {
        object(json, columns, row);
      }

      @Override
      public void finish() {
        json.writeEnd();
        json.flush();
      }
    };
  }

  private static RowSink ndjson(Writer out, List<? extends Column<?>> columns) {
    return new RowSink() {
      @Override
      public void write(String[] row) {
        // One generator per line: NDJSON is a sequence of JSON texts, not one document.
        JsonGenerator json = Json.createGenerator(new NonClosingWriter(out));
        object(json, columns, row);
        json.close();
        try {
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void finish() throws IOException {
        out.flush();
      }
    };
  }

  /** Cells as the CSV holds them before its spreadsheet guard: an empty field stays "". */
  private static void object(
      JsonGenerator json, List<? extends Column<?>> columns, String[] row) {
    json.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      json.write(columns.get(i).name(), row[i]);
    }
    json.writeEnd();
  }

  /**
   * Lets a line's generator close without closing, or flushing, the response: its text stays in
   * the shared buffer until {@link #finish}.
   */
  final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
