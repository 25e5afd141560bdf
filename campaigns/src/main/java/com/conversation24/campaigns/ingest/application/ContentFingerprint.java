package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.platform.Sha256;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What an event says, reduced to a SHA-256 over a canonical form, so that a resent event is
 * recognised as a duplicate: same {@code type}, same {@code at} millisecond, {@code data} equal as
 * JSON values (key order, white space and number spelling do not matter: 5 == 5.0 == 5e0).
 */
public record ContentFingerprint(String value) {

  public ContentFingerprint {
    if (!isSha256Hex(value)) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + value);
    }
  }

  public static ContentFingerprint of(String type, Instant at, JsonObject data) {
    StringBuilder canonical = new StringBuilder(256);
    appendString(canonical, type);
    canonical.append('\n').append(at.toEpochMilli()).append('\n');
    appendValue(canonical, data);
    return new ContentFingerprint(Sha256.hex(canonical.toString()));
  }

  public static ContentFingerprint of(EventEnvelope envelope) {
    return of(envelope.type(), envelope.at(), envelope.data());
  }

  private static void appendValue(StringBuilder out, JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        // Keys sorted: key order does not matter.
        JsonObject object = (JsonObject) value;
        String[] keys = object.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          appendString(out, keys[i]);
          out.append(':');
          appendValue(out, object.get(keys[i]));
        }
        out.append('}');
        break;
      case ARRAY:
        out.append('[');
        String comma = "";
        for (JsonValue element : (JsonArray) value) {
          out.append(comma);
          appendValue(out, element);
          comma = ",";
        }
        out.append(']');
        break;
      case STRING:
        appendString(out, ((JsonString) value).getString());
        break;
      case NUMBER:
        appendNumber(out, ((JsonNumber) value).bigDecimalValue());
        break;
      default:
        out.append(value.getValueType().name());
    }
  }

  /**
   * Scientific form of the exact value: {@code <unscaled>e<exponent>} with trailing zeros stripped.
   * Never {@code toPlainString}: {@code 1e999999999} would be a billion digits.
   */
  private static void appendNumber(StringBuilder out, BigDecimal number) {
    if (number.signum() == 0) {
      out.append('0');
      return;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    out.append(stripped.unscaledValue()).append('e').append(-(long) stripped.scale());
  }

  private static boolean isSha256Hex(String value) {
    if (value == null || value.length() != 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Every character outside printable ASCII escaped, so no two strings share a form. */
  private static void appendString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append("\\u").append(HexFormat.of().toHexDigits(c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
