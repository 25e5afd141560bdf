package com.conversation24.campaigns.ingest.envelope;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses JSON text into JSON-P values, with numbers as {@link SpelledNumber} so that the field
 * rules can tell {@code 5} from {@code 5.0}. Duplicate keys: the last one wins.
 *
 * <p>Every event's cost is bounded by its length: containers nested more than {@link #MAX_DEPTH}
 * deep and numbers spelled with more than {@link #MAX_NUMBER_LENGTH} characters are refused while
 * the text is read, before anything is built from them ({@link Refused}). Turning a spelling of n
 * digits into a {@code BigDecimal} costs about n² (a million digits: seconds), and a deep nesting
 * makes the parser itself give up with an unchecked exception.
 */
public final class JsonText {

  /** Containers in one event: the event, its {@code data} and a few levels below are plenty. */
  public static final int MAX_DEPTH = 64;

  /** An id needs 16 digits, a goal value 15 characters; no rule needs a hundred. */
  public static final int MAX_NUMBER_LENGTH = 100;

  // Looked up once: PARSERS.createParser() searches the class path for a provider on every call.
  static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(null);
  private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(null);

  private static final String DATA = "data";
  private static final String ID = "id";

  /**
   * A value refused by a limit: the field at fault as the rules name it (a member of {@code data},
   * else a member of the event, else {@code line}), and the event's {@code id} when it was read
   * before the fault.
   */
  public static final class Refused extends JsonException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;
    private final transient Optional<String> id;

    Refused(String field, String reason, Optional<String> id) {
      super(field + ": " + reason);
      this.field = field;
      this.reason = reason;
      this.id = id;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }

    public Optional<String> id() {
      return id;
    }
  }

  /** One element of a JSON array body: its value, or why it was refused. */
  public record Element(JsonValue value, Refused refused) {}

  private JsonText() {}

  /**
   * Exactly one JSON value.
   *
   * @throws Refused when a limit is broken
   * @throws JsonException when the text is not exactly one JSON value
   */
  public static JsonValue parse(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new JsonException("empty");
      }
      JsonValue value = new Reading(parser).value(parser.next(), 1, "line", Position.TOP);
      if (parser.hasNext()) {
        throw new JsonException("more than one JSON value");
      }
      return value;
    } catch (JsonException e) {
      throw e;
    } catch (RuntimeException e) {
      // Whatever else the parser throws is a fault of the text, never of the batch around it.
      throw new JsonException(String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * One JSON array whose elements are judged one by one: an element that breaks a limit is one
   * refused element, the others are read on.
   *
   * @throws JsonException when the text is not one JSON array
   */
  public static List<Element> parseArray(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw new JsonException("not one JSON array");
      }
      List<Element> elements = new ArrayList<>();
      for (JsonParser.Event event = parser.next();
          event != JsonParser.Event.END_ARRAY;
          event = parser.next()) {
        Reading reading = new Reading(parser);
        try {
          elements.add(new Element(reading.value(event, 1, "line", Position.TOP), null));
        } catch (Refused refused) {
          reading.skipOpenContainers();
          elements.add(new Element(null, refused));
        }
      }
      if (parser.hasNext()) {
        throw new JsonException("more than one JSON value");
      }
      return elements;
    } catch (JsonException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new JsonException(String.valueOf(e.getMessage()), e);
    }
  }

  /** Where a value sits: the event itself, a member of the event, or a member of its data. */
  private enum Position {
    TOP,
    MEMBER,
    NESTED
  }

  /** One top-level value being read; knows how deep it is and the event's id once seen. */
  private static final class Reading {

    private final JsonParser parser;
    private Optional<String> id = Optional.empty();
    private int open;

    Reading(JsonParser parser) {
      this.parser = parser;
    }

    JsonValue value(JsonParser.Event event, int depth, String field, Position position) {
      switch (event) {
        case START_OBJECT:
          return object(depth, field, position);
        case START_ARRAY:
          return array(depth, field);
        case VALUE_STRING:
          return PROVIDER.createValue(parser.getString());
        case VALUE_NUMBER:
          return number(field);
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

    private JsonValue number(String field) {
      String spelling = parser.getString();
      if (spelling.length() > MAX_NUMBER_LENGTH) {
        throw new Refused(
            field, "a number of more than " + MAX_NUMBER_LENGTH + " characters", id);
      }
      try {
        return new SpelledNumber(spelling);
      } catch (NumberFormatException e) {
        throw new Refused(field, "number out of range", id);
      }
    }

    private JsonValue object(int depth, String field, Position position) {
      enter(depth, field);
      JsonObjectBuilder builder = BUILDERS.createObjectBuilder();
      for (JsonParser.Event event = parser.next();
          event != JsonParser.Event.END_OBJECT;
          event = parser.next()) {
        String key = parser.getString();
        JsonParser.Event next = parser.next();
        // Rules name an event's members and its data's members; deeper faults are the member's.
        boolean named =
            position == Position.TOP || (position == Position.MEMBER && field.equals(DATA));
        Position inner = position == Position.TOP ? Position.MEMBER : Position.NESTED;
        JsonValue value = value(next, depth + 1, named ? key : field, inner);
        if (position == Position.TOP && key.equals(ID) && next == JsonParser.Event.VALUE_STRING) {
          id = IdText.echoed(parser.getString());
        }
        builder.add(key, value);
      }
      open--;
      return builder.build();
    }

    private JsonValue array(int depth, String field) {
      enter(depth, field);
      JsonArrayBuilder builder = BUILDERS.createArrayBuilder();
      for (JsonParser.Event event = parser.next();
          event != JsonParser.Event.END_ARRAY;
          event = parser.next()) {
        builder.add(value(event, depth + 1, field, Position.NESTED));
      }
      open--;
      return builder.build();
    }

    private void enter(int depth, String field) {
      open++;
      if (depth > MAX_DEPTH) {
        throw new Refused(field, "nested more than " + MAX_DEPTH + " levels deep", id);
      }
    }

    /** After a refusal: reads on to the end of the containers still open, building nothing. */
    void skipOpenContainers() {
      while (open > 0) {
        switch (parser.next()) {
          case START_OBJECT:
          case START_ARRAY:
            open++;
            break;
          case END_OBJECT:
          case END_ARRAY:
            open--;
            break;
          default:
            break;
        }
      }
    }
  }
}
