package com.conversation24.campaigns.ingest.envelope;

import com.conversation24.campaigns.platform.Rfc3339Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;

/**
 * The JSON form in which the log and the contexts' fact tables keep an envelope: {@code id},
 * {@code type}, {@code at} (UTC, to the millisecond) and {@code data} as received. Numbers keep
 * their spelling, so decoding the stored form judges exactly what was judged at arrival.
 */
public final class StoredEnvelope {

  // The provider JsonText looked up once (Json.createGenerator() searches the class path each call).
  private static final JsonGeneratorFactory GENERATORS =
      JsonText.PROVIDER.createGeneratorFactory(null);

  private StoredEnvelope() {}

  /**
   * Streamed straight to text: the same characters as building the envelope as a {@code
   * JsonObject} and printing it (StoredEnvelopeWriterPropertiesTest), without copying {@code
   * data} into a new object first.
   */
  public static String write(EventEnvelope envelope) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator json = GENERATORS.createGenerator(text)) {
      json.writeStartObject()
          .write("id", envelope.id())
          .write("type", envelope.type())
          .write("at", envelope.at().toString())
          .write("data", envelope.data())
          .writeEnd();
    }
    return text.toString();
  }

  /**
   * @throws IllegalArgumentException when the text is not an envelope this class wrote
   */
  public static EventEnvelope read(String json) {
    JsonValue value = JsonText.parse(json);
    if (!(value instanceof JsonObject object) || !(object.get("data") instanceof JsonObject data)) {
      throw new IllegalArgumentException("not a stored envelope: " + json);
    }
    return new EventEnvelope(
        object.getString("id"),
        object.getString("type"),
        Rfc3339Instant.parse("at", object.getString("at")),
        data);
  }
}
