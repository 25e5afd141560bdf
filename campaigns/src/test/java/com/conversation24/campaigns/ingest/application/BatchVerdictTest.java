package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.accountUpdated;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicates and reused ids, within the batch and against what is stored. */
class BatchVerdictTest {

  private static final String AT = "2026-10-23T10:00:00Z";
  private static final String ACME = "{\"account_id\":9,\"name\":\"Acme\"}";
  private static final String GLOBEX = "{\"account_id\":9,\"name\":\"Globex\"}";

  private static List<IngestLine> read(String... lines) {
    return reader().readNdjson(String.join("\n", lines));
  }

  @Test
  void countsARepeatWithTheSameContentAsADuplicateWithinTheBatch() {
    BatchVerdict verdict =
        BatchVerdict.judge(
            read(
                accountUpdated("a", AT, ACME),
                accountUpdated(
                    "a",
                    "2026-10-23T12:00:00.000999+02:00",
                    "{\"name\":\"Acme\",\"account_id\":9}")),
            Map.of());

    assertThat(verdict.accepted()).isEqualTo(1);
    assertThat(verdict.duplicates()).isEqualTo(1);
    assertThat(verdict.rejected()).isEmpty();
  }

  @Test
  void rejectsAnIdReusedWithOtherContentAndKeepsTheFirst() {
    BatchVerdict verdict =
        BatchVerdict.judge(
            read(accountUpdated("a", AT, ACME), accountUpdated("a", AT, GLOBEX)), Map.of());

    assertThat(verdict.toApply()).extracting(DecodedLine::line).containsExactly(1);
    assertThat(verdict.answer())
        .isEqualTo(
            new IngestAnswer(
                1, 0, List.of(new RejectedEvent(2, "a", "id", "id: reused with different content"))));
  }

  @Test
  void judgesAgainstTheFingerprintsAlreadyStored() {
    List<IngestLine> lines = read(accountUpdated("a", AT, ACME), accountUpdated("b", AT, ACME));
    String acme = ((DecodedLine) lines.get(0)).fingerprint().value();
    String otherContent =
        ContentFingerprint.of(
                "account.updated", IngestFixtures.AT, Json.createObjectBuilder().build())
            .value();

    BatchVerdict verdict = BatchVerdict.judge(lines, Map.of("a", acme, "b", otherContent));

    assertThat(verdict.accepted()).isZero();
    assertThat(verdict.duplicates()).isEqualTo(1);
    assertThat(verdict.rejected()).extracting(RejectedLine::line).containsExactly(2);
  }

  @Test
  void keepsRejectedLinesInLineOrderAndLetsAValidRepeatOfARejectedIdThrough() {
    BatchVerdict verdict =
        BatchVerdict.judge(
            read(
                accountUpdated("a", AT, "{}"),
                "not json",
                accountUpdated("a", AT, ACME),
                accountUpdated("b", AT, ACME),
                accountUpdated("b", AT, GLOBEX)),
            Map.of());

    assertThat(verdict.toApply()).extracting(DecodedLine::line).containsExactly(3, 4);
    assertThat(verdict.answer().rejected())
        .extracting(RejectedEvent::line, RejectedEvent::id, r -> r.reason().split(" ")[0])
        .containsExactly(
            tuple(1, "a", "account_id:"), tuple(2, null, "line:"), tuple(5, "b", "id:"));
  }
}
