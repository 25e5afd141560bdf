package com.conversation24.campaigns.ingest.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.ingest.application.ContentFingerprint;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The streaming writer of the stored {@code data} writes exactly the characters of printing it as
 * a {@code JsonObject}, for data as the reader parses it: any strings (quotes, backslashes,
 * control characters, non-ASCII), numbers in every spelling, nested objects and arrays, booleans
 * and nulls. The log already held whole envelopes of the writer before (id, type, at, data);
 * migration V8 cuts their data out of that text, and what it cuts must be what the writer writes.
 */
class StoredEnvelopeWriterPropertiesTest {

  private static final JsonBuilderFactory BUILDERS =
      JsonProvider.provider().createBuilderFactory(null);

  private static final Function<String, String> TEXT = StoredEnvelopeWriterPropertiesTest::quoted;

  /** The whole envelope as the log kept it before V8. */
  private static String envelopeAsFormerlyStored(EventEnvelope envelope) {
    return BUILDERS.createObjectBuilder()
        .add("id", envelope.id())
        .add("type", envelope.type())
        .add("at", envelope.at().toString())
        .add("data", envelope.data())
        .build()
        .toString();
  }

  /** What V8__event_log_keeps_data.sql does to it: from the first "data": to the last brace. */
  private static String cutAsTheMigrationDoes(String stored) {
    int data = stored.indexOf("\"data\":") + "\"data\":".length();
    return stored.substring(data, stored.length() - 1);
  }

  @Property(tries = 2000)
  void streamingWritesWhatPrintingTheDataWrites(@ForAll("envelopes") EventEnvelope envelope) {
    assertThat(StoredEnvelope.write(envelope)).isEqualTo(envelope.data().toString());
  }

  @Property(tries = 2000)
  void theMigrationCutsFromEachFormerEnvelopeWhatTheWriterWrites(
      @ForAll("envelopes") EventEnvelope envelope) {
    assertThat(cutAsTheMigrationDoes(envelopeAsFormerlyStored(envelope)))
        .isEqualTo(StoredEnvelope.write(envelope));
  }

  @Property(tries = 500)
  void theStoredFormReadsBackAsTheSameEnvelope(@ForAll("envelopes") EventEnvelope envelope) {
    EventEnvelope back =
        StoredEnvelope.read(
            envelope.id(),
            envelope.type(),
            envelope.at().toEpochMilli(),
            StoredEnvelope.write(envelope));

    assertThat(back.id()).isEqualTo(envelope.id());
    assertThat(back.type()).isEqualTo(envelope.type());
    assertThat(back.at()).isEqualTo(envelope.at());
    assertThat(back.data().toString()).isEqualTo(envelope.data().toString());
    assertThat(ContentFingerprint.of(back)).isEqualTo(ContentFingerprint.of(envelope));
  }

  @Provide
  Arbitrary<EventEnvelope> envelopes() {
    // Ids and types as the envelope rules let them through: no quote, so no "data": inside.
    Arbitrary<String> texts =
        Arbitraries.strings().withChars("ABCabz019._:-").ofMinLength(1).ofMaxLength(24);
    Arbitrary<Instant> ats =
        Arbitraries.longs()
            .between(-62_135_596_800_000L, 253_402_300_799_999L)
            .map(Instant::ofEpochMilli);
    return Combinators.combine(texts, texts, ats, object(3))
        .as((id, type, at, data) -> new EventEnvelope(id, type, at, parsedObject(data)));
  }

  private static JsonObject parsedObject(String json) {
    return (JsonObject) JsonText.parse(json);
  }

  /** A JSON object as text, as a client could spell it (a repeated key included). */
  private static Arbitrary<String> object(int depth) {
    Arbitrary<String> keys = Arbitraries.strings().all().ofMaxLength(12).map(TEXT);
    Arbitrary<String> member =
        Combinators.combine(keys, value(depth)).as((key, value) -> key + ":" + value);
    return member.list().ofMaxSize(8).map(members -> "{" + String.join(",", members) + "}");
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30).map(TEXT)),
            Tuple.of(4, number()),
            Tuple.of(1, Arbitraries.of("true", "false", "null")));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> array =
        Arbitraries.lazy(() -> value(depth - 1))
            .list()
            .ofMaxSize(5)
            .map(values -> "[" + String.join(",", values) + "]");
    return Arbitraries.frequencyOf(
        Tuple.of(6, leaf),
        Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1))),
        Tuple.of(1, array));
  }

  /** Integers of any length, fractions, exponents: 0, -7, 1.50, 5e0, 2.5E-7, 10e+400. */
  private static Arbitrary<String> number() {
    Arbitrary<String> integer =
        Arbitraries.oneOf(
            Arbitraries.just("0"),
            Arbitraries.strings()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(22)
                .filter(digits -> digits.charAt(0) != '0'));
    Arbitrary<String> fraction =
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6).map(d -> "." + d);
    Arbitrary<String> exponent =
        Combinators.combine(
                Arbitraries.of("e", "E"),
                Arbitraries.of("", "+", "-"),
                Arbitraries.integers().between(0, 400))
            .as((e, sign, n) -> e + sign + n);
    return Combinators.combine(
            Arbitraries.of("", "-"), integer, fraction.injectNull(0.5), exponent.injectNull(0.7))
        .as(
            (sign, digits, frac, exp) ->
                sign + digits + (frac == null ? "" : frac) + (exp == null ? "" : exp));
  }

  /** JSON string syntax: quotes, backslashes and control characters escaped, a few as \\u escapes. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c > 0x7e && i % 3 == 0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
