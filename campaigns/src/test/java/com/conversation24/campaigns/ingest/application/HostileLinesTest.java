package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.accountUpdated;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.readOne;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lines made to hurt the reader: each is one rejected line naming its field, cheap to judge, and
 * the valid lines beside it are read as usual.
 */
class HostileLinesTest {

  private static final String AT = "2026-10-23T10:00:00Z";
  private static final String VALID = accountUpdated("evt-1", AT, "{\"account_id\":9,\"name\":\"A\"}");

  private static String goal(String id, String value) {
    return "{\"id\":\"" + id + "\",\"type\":\"conversation.goal_reached\",\"at\":\"" + AT
        + "\",\"data\":{\"session_id\":\"s-1\",\"goal\":\"g\",\"value\":" + value + "}}";
  }

  @Test
  void aLineNestedAThousandLevelsDeepIsOneRejectedLineNotABrokenBatch() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    String poison = accountUpdated("evt-2", AT, "{\"account_id\":9,\"name\":\"A\",\"x\":" + deep + "}");

    List<IngestLine> lines = reader().readNdjson(VALID + "\n" + poison + "\n" + VALID.replace("evt-1", "evt-3"));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isInstanceOf(DecodedLine.class);
    assertThat(lines.get(1))
        .isEqualTo(
            new RejectedLine(
                2, Optional.of("evt-2"), "x", "nested more than 64 levels deep"));
    assertThat(lines.get(2)).isInstanceOf(DecodedLine.class);
  }

  @Test
  void aLineThatIsNothingButNestingIsRejectedAsTheLine() {
    RejectedLine line = (RejectedLine) readOne("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));

    assertThat(line.field()).isEqualTo("a");
    assertThat(((RejectedLine) readOne("[".repeat(100_000))).field()).isEqualTo("line");
  }

  @Test
  void aLongNumberIsRefusedBeforeItIsTurnedIntoAValue() {
    RejectedLine line = (RejectedLine) readOne(goal("evt-9", "1." + "0".repeat(100_000)));

    assertThat(line.id()).contains("evt-9");
    assertThat(line.field()).isEqualTo("value");
    assertThat(line.reason()).isEqualTo("a number of more than 100 characters");
    RejectedLine account =
        (RejectedLine)
            readOne(accountUpdated("evt-8", AT, "{\"account_id\":" + "7".repeat(1_000_000) + ",\"name\":\"A\"}"));
    assertThat(account.field()).isEqualTo("account_id");
  }

  @Test
  void aNumberOfAHundredCharactersIsStillJudgedByTheRules() {
    String hundred = "1" + "0".repeat(99);

    assertThat(((RejectedLine) readOne(account(hundred))).describe())
        .isEqualTo("account_id: out of range (1 to 2^53-1)");
    assertThat(((RejectedLine) readOne(account(hundred + "0"))).describe())
        .isEqualTo("account_id: a number of more than 100 characters");
  }

  private static String account(String id) {
    return accountUpdated("evt-7", AT, "{\"account_id\":" + id + ",\"name\":\"A\"}");
  }

  @Test
  void anExponentNoDecimalCanHoldIsRejectedNamingTheField() {
    RejectedLine line = (RejectedLine) readOne(goal("evt-6", "1e99999999999"));

    assertThat(line.field()).isEqualTo("value");
    assertThat(line.reason()).isEqualTo("number out of range");
  }

  @Test
  void aJsonArrayBodyRefusesOnlyTheElementThatBreaksALimit() {
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    String body =
        "[" + VALID + "," + accountUpdated("evt-2", AT, deep) + "," + goal("evt-3", "9".repeat(200))
            + "," + VALID.replace("evt-1", "evt-4") + "]";

    List<IngestLine> lines = reader().readJsonArray(body);

    assertThat(lines).extracting(IngestLine::line).containsExactly(1, 2, 3, 4);
    assertThat(lines.get(0)).isInstanceOf(DecodedLine.class);
    assertThat(((RejectedLine) lines.get(1)).field()).isEqualTo("a");
    assertThat(((RejectedLine) lines.get(2)).field()).isEqualTo("value");
    assertThat(lines.get(3)).isInstanceOf(DecodedLine.class);
  }

  @Test
  void anUnpairedSurrogateInAnUnknownFieldIsRejectedNotStoredAsAQuestionMark() {
    RejectedLine line =
        (RejectedLine)
            readOne(accountUpdated("evt-5", AT, "{\"account_id\":9,\"name\":\"A\",\"note\":[\"ok\",\"\\ud800\"]}"));

    assertThat(line.describe()).isEqualTo("note: holds an unpaired surrogate");
    assertThat(line.id()).contains("evt-5");
    assertThat(((RejectedLine) readOne(accountUpdated("evt-5", AT, "{\"account_id\":9,\"name\":\"A\",\"\\udc00\":1}"))).field())
        .isEqualTo("data");
  }

  @Test
  void aRejectedIdLongerThanAnyValidOneIsNotEchoed() {
    String huge = "x".repeat(10_000_000);
    RejectedLine line = (RejectedLine) readOne(VALID.replace("evt-1", huge));

    assertThat(line.field()).isEqualTo("id");
    assertThat(line.id()).isEmpty();
    assertThat(((RejectedLine) readOne(VALID.replace("evt-1", "bad id"))).id()).contains("bad id");
  }
}
