package com.conversation24.campaigns.ingest.envelope;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.campaigns.platform.Rfc3339Instant;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The {@code data} of one event, read field by field under the value rules of EVENTS.md. Every
 * reader throws {@link InvalidInputException} naming the field; {@code null} counts as absent.
 * Decoders read fields in the order of the EVENTS.md tables, so the first fault is the one named.
 */
public final class EventData {

  /** 2^53-1: the largest integer every JSON parser holds exactly. */
  public static final long MAX_ID = PlatformEvent.MAX_ID;

  public static final int MAX_TEXT_LENGTH = 10_000;
  public static final int MAX_URL_LENGTH = 2_048;

  private static final BigDecimal MAX_ID_VALUE = BigDecimal.valueOf(MAX_ID);
  private static final BigDecimal GOAL_VALUE_BOUND = BigDecimal.TEN.pow(12);
  private static final int MAX_KEY_LENGTH = 64;

  private final JsonObject data;
  private final Instant at;

  public EventData(EventEnvelope envelope) {
    this.data = envelope.data();
    this.at = envelope.at();
  }

  /** A required id: a JSON integer from 1 to 2^53-1. */
  public long id(String field) {
    return optionalId(field).orElseThrow(() -> required(field));
  }

  public OptionalLong optionalId(String field) {
    JsonValue value = value(field);
    return value == null ? OptionalLong.empty() : OptionalLong.of(id(field, value));
  }

  /** An optional array of ids, empty when absent; a bad element is named like {@code ids[1]}. */
  public List<Long> ids(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidInputException(field, "must be an array");
    }
    List<Long> ids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      ids.add(id(field + "[" + i + "]", array.get(i)));
    }
    return List.copyOf(ids);
  }

  /** A required key ({@code session_id}, {@code workshift_id}, {@code visitor_id}). */
  public String key(String field) {
    return IdText.require(field, string(field).orElseThrow(() -> required(field)), MAX_KEY_LENGTH);
  }

  /** A required text of at most 10,000 code points holding a non-blank character. */
  public String text(String field) {
    String text = string(field).orElseThrow(() -> required(field));
    requireLength(field, text, MAX_TEXT_LENGTH);
    if (isBlank(text)) {
      throw new InvalidInputException(field, "must hold a non-blank character");
    }
    return text;
  }

  /** An optional text of at most 10,000 code points; empty counts as absent. */
  public Optional<String> optionalText(String field) {
    return optionalString(field, MAX_TEXT_LENGTH);
  }

  /** An optional {@code url} or {@code accept_url}: at most 2,048 code points. */
  public Optional<String> optionalUrl(String field) {
    return optionalString(field, MAX_URL_LENGTH);
  }

  /** A goal: text without {@code ','}, since the reports join goals with commas. */
  public String goal(String field) {
    String goal = text(field);
    if (goal.indexOf(',') >= 0) {
      throw new InvalidInputException(field, "must not contain ','");
    }
    return goal;
  }

  /** A goal value: a number with at most 2 decimals below 10^12 in magnitude, kept at scale 2. */
  public BigDecimal goalValue(String field) {
    JsonValue value = value(field);
    if (value == null) {
      throw required(field);
    }
    if (!(value instanceof JsonNumber number)) {
      throw new InvalidInputException(field, "must be a number");
    }
    BigDecimal amount = number.bigDecimalValue();
    if (amount.abs().compareTo(GOAL_VALUE_BOUND) >= 0) {
      throw new InvalidInputException(field, "absolute value must be below 10^12");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(field, "more than 2 decimals");
    }
    return amount.setScale(2);
  }

  /** One of the constants of {@code type}, spelled in lower case as EVENTS.md lists them. */
  public <E extends Enum<E>> E choice(String field, Class<E> type) {
    String name = string(field).orElseThrow(() -> required(field));
    for (E constant : type.getEnumConstants()) {
      if (wireName(constant).equals(name)) {
        return constant;
      }
    }
    throw new InvalidInputException(
        field,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(EventData::wireName)
                .collect(Collectors.joining(", ")));
  }

  /** An optional JSON integer within {@code min..max}. */
  public OptionalInt optionalInteger(String field, int min, int max) {
    JsonValue value = value(field);
    if (value == null) {
      return OptionalInt.empty();
    }
    BigDecimal integer = integer(field, value);
    if (integer.compareTo(BigDecimal.valueOf(min)) < 0
        || integer.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(field, "out of range (" + min + " to " + max + ")");
    }
    return OptionalInt.of(integer.intValueExact());
  }

  /** An optional instant under the rule of {@code at}, not later than the event's {@code at}. */
  public Optional<Instant> optionalInstantNotAfterAt(String field) {
    Optional<Instant> instant =
        string(field).filter(s -> !s.isEmpty()).map(text -> Rfc3339Instant.parse(field, text));
    if (instant.isPresent() && instant.get().isAfter(at)) {
      throw new InvalidInputException(field, "later than the event's at");
    }
    return instant;
  }

  /** Blank: only white space, Unicode's included (an ideographic space is blank). */
  static boolean isBlank(String text) {
    return text.codePoints()
        .allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85);
  }

  public static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rejects data holding an unpaired surrogate in any string or member name, known or not, naming
   * the member of {@code data} that holds it.
   */
  public static void requireNoUnpairedSurrogate(JsonObject data) {
    for (var member : data.entrySet()) {
      if (hasUnpairedSurrogate(member.getKey()) || holdsUnpairedSurrogate(member.getValue())) {
        String field = hasUnpairedSurrogate(member.getKey()) ? "data" : member.getKey();
        throw new InvalidInputException(field, "holds an unpaired surrogate");
      }
    }
  }

  private static boolean holdsUnpairedSurrogate(JsonValue value) {
    switch (value.getValueType()) {
      case STRING:
        return hasUnpairedSurrogate(((JsonString) value).getString());
      case ARRAY:
        for (JsonValue element : (JsonArray) value) {
          if (holdsUnpairedSurrogate(element)) {
            return true;
          }
        }
        return false;
      case OBJECT:
        for (var member : ((JsonObject) value).entrySet()) {
          if (hasUnpairedSurrogate(member.getKey()) || holdsUnpairedSurrogate(member.getValue())) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private Optional<String> optionalString(String field, int maxLength) {
    Optional<String> text = string(field).filter(s -> !s.isEmpty());
    text.ifPresent(t -> requireLength(field, t, maxLength));
    return text;
  }

  private Optional<String> string(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString string)) {
      throw new InvalidInputException(field, "must be a string");
    }
    String text = string.getString();
    if (hasUnpairedSurrogate(text)) {
      throw new InvalidInputException(field, "holds an unpaired surrogate");
    }
    return Optional.of(text);
  }

  private static void requireLength(String field, String text, int maxLength) {
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new InvalidInputException(field, "longer than " + maxLength + " characters");
    }
  }

  private static long id(String field, JsonValue value) {
    BigDecimal id = integer(field, value);
    if (id.signum() <= 0 || id.compareTo(MAX_ID_VALUE) > 0) {
      throw new InvalidInputException(field, "out of range (1 to 2^53-1)");
    }
    return id.longValueExact();
  }

  private static BigDecimal integer(String field, JsonValue value) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidInputException(field, "must be an integer");
    }
    return number.bigDecimalValue();
  }

  /** The value of a field, or {@code null} when it is absent or JSON {@code null}. */
  private JsonValue value(String field) {
    JsonValue value = data.get(field);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }

  private static InvalidInputException required(String field) {
    return new InvalidInputException(field, "required");
  }

  private static String wireName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
