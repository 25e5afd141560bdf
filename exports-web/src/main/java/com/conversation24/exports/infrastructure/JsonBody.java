package com.conversation24.exports.infrastructure;

import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read by hand, so that each wrong field is named (JSON-B would only say "400"):
 * the object, its text members, and an object of export parameters as the query string has
 * them (each a string, number or boolean, or an array of them).
 */
public final class JsonBody {

  private JsonBody() {}

  public static JsonObject object(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      JsonStructure read = reader.read();
      if (!(read instanceof JsonObject)) {
        throw new InvalidInputException("body", "a JSON object");
      }
      return (JsonObject) read;
    } catch (JsonException e) {
      throw new InvalidInputException("body", "a JSON object");
    }
  }

  public static Optional<String> text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidInputException(name, "a string");
    }
    return Optional.of(((JsonString) value).getString());
  }

  /** The member {@code name} as export parameters; none when absent. */
  public static Map<String, List<String>> parameters(JsonObject object, String name) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    JsonValue given = object.get(name);
    if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
      if (given.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(name, "an object of export parameters");
      }
      given.asJsonObject().forEach((key, value) -> parameters.put(key, values(key, value)));
    }
    return parameters;
  }

  private static List<String> values(String name, JsonValue value) {
    List<String> values = new ArrayList<>();
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue item : value.asJsonArray()) {
        values.add(scalar(name, item));
      }
    } else {
      values.add(scalar(name, value));
    }
    return values;
  }

  private static String scalar(String name, JsonValue value) {
    switch (value.getValueType()) {
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER:
      case TRUE:
      case FALSE:
        return value.toString();
      default:
        throw new InvalidInputException(name, "a string, a number or an array of them");
    }
  }
}
