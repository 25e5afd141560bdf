package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.accountUpdated;
import static com.conversation24.campaigns.ingest.application.IngestFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer names each rejection's field as a member of its own, as the README promises. */
class RejectionFieldTest {

  @Test
  void everyRejectionInTheAnswerNamesItsFieldAsAMemberOfItsOwn() {
    String at = "2026-10-23T10:00:00Z";
    BatchVerdict verdict =
        BatchVerdict.judge(
            reader()
                .readNdjson(
                    accountUpdated("evt-1", at, "{\"account_id\":9,\"name\":\"A\"}")
                        + "\n"
                        + accountUpdated("evt-2", at, "{\"name\":\"A\"}")
                        + "\n[1]"),
            Map.of());

    assertThat(verdict.answer().rejected())
        .containsExactly(
            new RejectedEvent(2, "evt-2", "account_id", "account_id: required"),
            new RejectedEvent(3, null, "line", "line: not a JSON object"));
  }
}
