package com.conversation24.campaigns.ingest.envelope;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The form in which the log keeps an envelope, the one place that knows it: {@code id}, {@code type} and {@code at} (to the
 * millisecond, as EVENTS.md keeps it) in columns of their own, and {@code data} as received, as
 * JSON text. Numbers keep their spelling, so decoding the stored form judges exactly what was
 * judged at arrival. The envelope's other members are not written a second time into the text.
 */
public final class StoredEnvelope {

  // The provider JsonText looked up once (Json.createGenerator() searches the class path each call).
  private static final JsonGeneratorFactory GENERATORS =
      JsonText.PROVIDER.createGeneratorFactory(null);

  /**
   * The log's columns that hold an envelope ({@code campaigns_event_log}, alias {@code l}), in
   * the order {@link #read(ResultSet, int)} reads them.
   */
  public static final String COLUMNS = "l.event_id, l.type, l.at_ms, l.data";

  private StoredEnvelope() {}

  /**
   * The stored text of {@code data}: streamed straight to text, the same characters as printing
   * the {@code JsonObject} (StoredEnvelopeWriterPropertiesTest).
   */
  public static String write(EventEnvelope envelope) {
    StringWriter text = new StringWriter(192);
    try (JsonGenerator json = GENERATORS.createGenerator(text)) {
      json.write(envelope.data());
    }
    return text.toString();
  }

  /** The envelope of a row of the log, from its {@link #COLUMNS} starting at {@code first}. */
  public static EventEnvelope read(ResultSet rows, int first) throws SQLException {
    return read(
        rows.getString(first),
        rows.getString(first + 1),
        rows.getLong(first + 2),
        rows.getString(first + 3));
  }

  /**
   * The envelope again from the log's columns and the stored text of its {@code data}.
   *
   * @throws IllegalArgumentException when the text is not a stored {@code data} object
   * @throws IllegalStateException when the text no longer parses (a limit tightened after the
   *     event was stored): the server's fault, never the {@link JsonException} that the mapper
   *     answers as a client's bad JSON
   */
  public static EventEnvelope read(String id, String type, long atMs, String data) {
    JsonValue parsed;
    try {
      parsed = JsonText.parse(data);
    } catch (JsonException e) {
      throw new IllegalStateException(
          "stored event " + id + " no longer parses: " + e.getMessage(), e);
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new IllegalArgumentException("not a stored data object: " + data);
    }
    return new EventEnvelope(id, type, Instant.ofEpochMilli(atMs), object);
  }
}
