package com.conversation24.campaigns.api.ingest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;

/**
 * Parses one JSON text into JSON-P values, with numbers as {@link SpelledNumber} so that the field
 * rules can tell {@code 5} from {@code 5.0}. Duplicate keys: the last one wins.
 */
final class JsonText {

  // Looked up once: PARSERS.createParser() searches the class path for a provider on every call.
  static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(null);
  private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(null);

  private JsonText() {}

  /**
   * @throws JsonException when the text is not exactly one JSON value, or holds a number no {@link
   *     java.math.BigDecimal} can hold (an exponent beyond 32 bits)
   */
  static JsonValue parse(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new JsonException("empty");
      }
      JsonValue value = value(parser, parser.next());
      if (parser.hasNext()) {
        throw new JsonException("more than one JSON value");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new JsonException("number out of range", e);
    }
  }

  private static JsonValue value(JsonParser parser, JsonParser.Event event) {
    switch (event) {
      case START_OBJECT:
        return object(parser);
      case START_ARRAY:
        return array(parser);
      case VALUE_STRING:
        return PROVIDER.createValue(parser.getString());
      case VALUE_NUMBER:
        return new SpelledNumber(parser.getString());
      case VALUE_TRUE:
        return JsonValue.TRUE;
      case VALUE_FALSE:
        return JsonValue.FALSE;
      case VALUE_NULL:
        return JsonValue.NULL;
      default:
        throw new JsonException("unexpected " + event);
    }
  }

  private static JsonValue object(JsonParser parser) {
    JsonObjectBuilder builder = BUILDERS.createObjectBuilder();
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_OBJECT;
        event = parser.next()) {
      String key = parser.getString();
      builder.add(key, value(parser, parser.next()));
    }
    return builder.build();
  }

  private static JsonValue array(JsonParser parser) {
    JsonArrayBuilder builder = BUILDERS.createArrayBuilder();
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_ARRAY;
        event = parser.next()) {
      builder.add(value(parser, event));
    }
    return builder.build();
  }
}
