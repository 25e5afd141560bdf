package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.accountUpdated;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.readOne;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.AccountUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope of EVENTS.md (id, type, at, data) and the two body formats. */
class EnvelopeRulesTest {

  private static final String VALID =
      accountUpdated("evt-1", "2026-10-23T10:00:00Z", "{\"account_id\":9,\"name\":\"Acme\"}");

  @Test
  void decodesAValidEventIntoTheContextsRecord() {
    DecodedLine line = (DecodedLine) readOne(VALID);

    assertThat(line.line()).isEqualTo(1);
    assertThat(line.event())
        .isEqualTo(new AccountUpdated("evt-1", Instant.parse("2026-10-23T10:00:00Z"), 9, "Acme"));
  }

  @Test
  void rejectsAMissingIdWithoutReportingOne() {
    RejectedLine line =
        (RejectedLine) readOne("{\"type\":\"account.updated\",\"at\":\"2026-10-23T10:00:00Z\"}");

    assertThat(line.describe()).isEqualTo("id: required");
    assertThat(line.id()).isEmpty();
  }

  @Test
  void rejectsAnIdThatIsNotAStringWithoutReportingIt() {
    RejectedLine line = (RejectedLine) readOne(VALID.replace("\"evt-1\"", "12345"));

    assertThat(line.describe()).isEqualTo("id: must be a string");
    assertThat(line.id()).isEmpty();
  }

  @Test
  void rejectsAnIdOutsideItsCharactersButReportsItSoTheClientCanFindIt() {
    RejectedLine line = (RejectedLine) readOne(VALID.replace("evt-1", "evt 1"));

    assertThat(line.field()).isEqualTo("id");
    assertThat(line.id()).contains("evt 1");
  }

  @Test
  void acceptsAnIdOf128CharactersAndRejectsOneOf129() {
    String longest = "x".repeat(128);

    assertThat(readOne(VALID.replace("evt-1", longest))).isInstanceOf(DecodedLine.class);
    assertThat(((RejectedLine) readOne(VALID.replace("evt-1", longest + "x"))).field())
        .isEqualTo("id");
  }

  @Test
  void rejectsAnEmptyIdWithoutReportingIt() {
    RejectedLine line = (RejectedLine) readOne(VALID.replace("evt-1", ""));

    assertThat(line.field()).isEqualTo("id");
    assertThat(line.id()).isEmpty();
  }

  @Test
  void rejectsAnUnknownType() {
    RejectedLine line = (RejectedLine) readOne(VALID.replace("account.updated", "no.such.type"));

    assertThat(line.describe()).isEqualTo("type: unknown event type");
    assertThat(line.id()).contains("evt-1");
  }

  @Test
  void rejectsDataThatIsMissingOrNotAnObject() {
    assertThat(
            ((RejectedLine) readOne(accountUpdated("e", "2026-10-23T10:00:00Z", "null")))
                .describe())
        .isEqualTo("data: required");
    assertThat(
            ((RejectedLine) readOne(accountUpdated("e", "2026-10-23T10:00:00Z", "\"x\"")))
                .describe())
        .isEqualTo("data: must be an object");
  }

  @Test
  void ignoresUnknownDataFields() {
    assertThat(readOne(VALID.replace("\"name\"", "\"extra\":[1,{}],\"name\"")))
        .isInstanceOf(DecodedLine.class);
  }

  @Test
  void skipsBlankNdjsonLinesButCountsThem() {
    List<IngestLine> lines = reader().readNdjson("\n" + VALID + "\n \t\n" + VALID + "\n");

    assertThat(lines).extracting(IngestLine::line).containsExactly(2, 4);
  }

  @Test
  void acceptsCrlfLineEndsAndALeadingByteOrderMark() {
    byte[] body = ("\uFEFF" + VALID + "\r\n" + VALID + "\r\n").getBytes(StandardCharsets.UTF_8);

    assertThat(reader().readNdjson(body))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).isInstanceOf(DecodedLine.class));
  }

  @Test
  void rejectsOneLineThatIsNotAJsonObjectAndReadsTheRest() {
    List<IngestLine> lines =
        reader().readNdjson("this is not json\n[1,2]\n" + VALID + " x\n" + VALID);

    assertThat(lines).extracting(IngestLine::line).containsExactly(1, 2, 3, 4);
    assertThat(lines.subList(0, 3))
        .allSatisfy(line -> assertThat(((RejectedLine) line).field()).isEqualTo("line"));
    assertThat(lines.get(3)).isInstanceOf(DecodedLine.class);
  }

  @Test
  void rejectsALineThatIsNotUtf8() {
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[valid.length + 2];
    body[0] = (byte) 0xC3;
    body[1] = '\n';
    System.arraycopy(valid, 0, body, 2, valid.length);

    List<IngestLine> lines = reader().readNdjson(body);

    assertThat(lines.get(0)).isEqualTo(new RejectedLine(1, Optional.empty(), "line", "not UTF-8"));
    assertThat(lines.get(1)).isInstanceOf(DecodedLine.class);
  }

  @Test
  void tellsASentReplacementCharacterFromMalformedBytes() {
    String sent =
        accountUpdated("e-1", "2026-10-23T10:00:00Z", "{\"account_id\":1,\"name\":\"A\ufffdB\"}");
    byte[] text = sent.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[text.length * 2 + 1];
    System.arraycopy(text, 0, body, 0, text.length);
    body[text.length] = '\n';
    System.arraycopy(text, 0, body, text.length + 1, text.length);
    // The second line's U+FFFD (EF BF BD) made EF BF x: malformed, yet leniently decoded to U+FFFD.
    int cut = text.length + 1 + sent.indexOf('\ufffd') + 2;
    body[cut] = 'x';

    List<IngestLine> lines = reader().readNdjson(body);

    assertThat(lines.get(0)).isInstanceOf(DecodedLine.class);
    assertThat(lines.get(1)).isEqualTo(new RejectedLine(2, Optional.empty(), "line", "not UTF-8"));
  }

  @Test
  void numbersTheElementsOfAJsonArrayFromOne() {
    List<IngestLine> lines = reader().readJsonArray("[" + VALID + ", 5, " + VALID + "]");

    assertThat(lines).extracting(IngestLine::line).containsExactly(1, 2, 3);
    assertThat(((RejectedLine) lines.get(1)).describe()).isEqualTo("line: not a JSON object");
  }

  @Test
  void refusesAJsonBodyThatIsNotOneArray() {
    assertThatThrownBy(() -> reader().readJsonArray(VALID))
        .isInstanceOf(MalformedBatchException.class);
    assertThatThrownBy(() -> reader().readJsonArray("[" + VALID))
        .isInstanceOf(MalformedBatchException.class);
    assertThatThrownBy(() -> reader().readJsonArray("[] []"))
        .isInstanceOf(MalformedBatchException.class);
  }
}
