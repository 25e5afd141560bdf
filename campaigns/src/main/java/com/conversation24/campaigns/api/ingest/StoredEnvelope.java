package com.conversation24.campaigns.api.ingest;

import jakarta.json.JsonObject;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON form in which the log and the contexts' fact tables keep an envelope: {@code id},
 * {@code type}, {@code at} (UTC, to the millisecond) and {@code data} as received. Numbers keep
 * their spelling, so decoding the stored form judges exactly what was judged at arrival.
 */
public final class StoredEnvelope {

  // Looked up once: Json.createObjectBuilder() searches the class path for a provider each call.
  private static final JsonBuilderFactory BUILDERS =
      JsonProvider.provider().createBuilderFactory(null);

  private StoredEnvelope() {}

  public static String write(EventEnvelope envelope) {
    return BUILDERS.createObjectBuilder()
        .add("id", envelope.id())
        .add("type", envelope.type())
        .add("at", envelope.at().toString())
        .add("data", envelope.data())
        .build()
        .toString();
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
