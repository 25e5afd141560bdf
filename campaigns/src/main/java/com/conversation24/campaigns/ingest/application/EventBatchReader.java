package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.EventData;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.IdText;
import com.conversation24.campaigns.ingest.envelope.JsonText;
import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.campaigns.platform.Rfc3339Instant;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns a request body into one {@link IngestLine} per event: the envelope rules of EVENTS.md here,
 * the data rules in the decoder of the context that owns the type. Each line is judged on its own;
 * duplicates are judged afterwards by {@link BatchVerdict}.
 */
public final class EventBatchReader {

  /** Larger bodies get 413; the REST layer enforces both limits. */
  public static final int MAX_EVENTS = 10_000;

  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
  private static final int MAX_ID_LENGTH = 128;
  private static final char BOM = '\uFEFF';
  private static final char REPLACEMENT = '\uFFFD';

  private final Clock clock;
  private final EventDecoders decoders;

  public EventBatchReader(Clock clock, Collection<? extends EventDecoder> decoders) {
    this.clock = clock;
    this.decoders = new EventDecoders(decoders);
  }

  /**
   * NDJSON: one event per line. Blank lines are skipped but counted, CRLF and a leading BOM are
   * accepted, a line that is not a JSON object (or not UTF-8) is one rejected line.
   */
  public List<IngestLine> readNdjson(byte[] body) {
    List<IngestLine> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        readNdjsonLine(number, body, start, i - start).ifPresent(lines::add);
        start = i + 1;
        number++;
      }
    }
    return lines;
  }

  /** As {@link #readNdjson(byte[])}, for a body already decoded. */
  public List<IngestLine> readNdjson(String body) {
    List<IngestLine> lines = new ArrayList<>();
    String[] texts = stripBom(body).split("\n", -1);
    for (int i = 0; i < texts.length; i++) {
      readNdjsonLine(i + 1, texts[i]).ifPresent(lines::add);
    }
    return lines;
  }

  /**
   * A JSON array of events: element i is line i+1.
   *
   * @throws MalformedBatchException when the body is not one JSON array
   */
  public List<IngestLine> readJsonArray(byte[] body) {
    try {
      return readJsonArray(strictUtf8(body, 0, body.length));
    } catch (CharacterCodingException e) {
      throw new MalformedBatchException("the body is not UTF-8");
    }
  }

  /**
   * @throws MalformedBatchException when the body is not one JSON array
   */
  public List<IngestLine> readJsonArray(String body) {
    List<JsonText.Element> elements;
    try {
      elements = JsonText.parseArray(stripBom(body));
    } catch (JsonException e) {
      throw new MalformedBatchException("the body is not one JSON array: " + e.getMessage());
    }
    List<IngestLine> lines = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      JsonText.Element element = elements.get(i);
      lines.add(
          element.refused() == null
              ? readEvent(i + 1, element.value())
              : refused(i + 1, element.refused()));
    }
    return lines;
  }

  private Optional<IngestLine> readNdjsonLine(int number, byte[] body, int offset, int length) {
    // The lenient decoder is the JDK's fast path; it marks malformed input with U+FFFD, so only a
    // line holding one (sent or substituted) is decoded again strictly to tell which.
    String text = new String(body, offset, length, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) >= 0 && !isStrictUtf8(body, offset, length)) {
      return Optional.of(new RejectedLine(number, Optional.empty(), "line", "not UTF-8"));
    }
    return readNdjsonLine(number, number == 1 ? stripBom(text) : text);
  }

  private static boolean isStrictUtf8(byte[] body, int offset, int length) {
    try {
      strictUtf8(body, offset, length);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Decodes UTF-8, refusing malformed input instead of replacing it. */
  private static String strictUtf8(byte[] body, int offset, int length)
      throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body, offset, length))
        .toString();
  }

  private Optional<IngestLine> readNdjsonLine(int number, String text) {
    if (isJsonWhiteSpace(text)) {
      return Optional.empty();
    }
    JsonValue value;
    try {
      value = JsonText.parse(text);
    } catch (JsonText.Refused e) {
      return Optional.of(refused(number, e));
    } catch (JsonException e) {
      return Optional.of(
          new RejectedLine(number, Optional.empty(), "line", "not JSON (" + e.getMessage() + ")"));
    }
    return Optional.of(readEvent(number, value));
  }

  private static RejectedLine refused(int number, JsonText.Refused refused) {
    return new RejectedLine(number, refused.id(), refused.field(), refused.reason());
  }

  private IngestLine readEvent(int number, JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      return new RejectedLine(number, Optional.empty(), "line", "not a JSON object");
    }
    try {
      EventEnvelope envelope = envelope(object);
      PlatformEvent event = decoders.decodeArriving(envelope);
      // The data is stored as sent, unknown members too; MariaDB would store '?' for a lone
      // surrogate, so the stored event would not be the one judged here.
      EventData.requireNoUnpairedSurrogate(envelope.data());
      return new DecodedLine(number, envelope, event);
    } catch (InvalidInputException e) {
      return new RejectedLine(number, readableId(object), e.field(), e.reason());
    }
  }

  private EventEnvelope envelope(JsonObject object) {
    String id = IdText.require("id", envelopeString(object, "id"), MAX_ID_LENGTH);
    String type = envelopeString(object, "type");
    if (!decoders.owns(type)) {
      throw new InvalidInputException("type", "unknown event type");
    }
    Instant at = Rfc3339Instant.parse("at", envelopeString(object, "at"));
    if (at.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
      throw new InvalidInputException("at", "more than 5 minutes in the future");
    }
    JsonValue data = object.get("data");
    if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidInputException("data", "required");
    }
    if (!(data instanceof JsonObject dataObject)) {
      throw new InvalidInputException("data", "must be an object");
    }
    return new EventEnvelope(id, type, at, dataObject);
  }

  private static String envelopeString(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidInputException(field, "required");
    }
    if (!(value instanceof JsonString string)) {
      throw new InvalidInputException(field, "must be a string");
    }
    return string.getString();
  }

  /** The id as sent, even when invalid, so that the client can find the line. */
  private static Optional<String> readableId(JsonObject object) {
    return object.get("id") instanceof JsonString id
        ? IdText.echoed(id.getString())
        : Optional.empty();
  }

  private static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  /** Space, tab, CR and LF only: what JSON itself calls white space. */
  private static boolean isJsonWhiteSpace(String text) {
    return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r');
  }
}
