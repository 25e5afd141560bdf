package com.conversation24.campaigns.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.StoredEnvelope;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import com.conversation24.campaigns.interfaces.ingest.CampaignEventTypes;
import jakarta.json.JsonException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form decodes to what arrived: same event, same fingerprint, numbers as spelled. */
class StoredEnvelopeTest {

  @Test
  void anEnvelopeReadBackDecodesToTheSameEventAndFingerprint() {
    DecodedLine line =
        (DecodedLine)
            IngestFixtures.readOne(
                IngestFixtures.accountUpdated(
                    "evt-7",
                    "2026-10-23T12:00:00.1239+02:00",
                    "{\"name\":\"Acme \\u00e9\\\"\",\"account_id\":7,\"extra\":[1.50,null]}"));

    String stored = StoredEnvelope.write(line.envelope());
    EventEnvelope back =
        StoredEnvelope.read("evt-7", "account.updated", line.envelope().at().toEpochMilli(), stored);

    assertThat(stored).startsWith("{\"name\":").contains("\"account_id\":7").contains("1.50");
    assertThat(stored).doesNotContain("evt-7").doesNotContain("account.updated");
    assertThat(back.at()).isEqualTo(line.envelope().at());
    assertThat(ContentFingerprint.of(back)).isEqualTo(line.fingerprint());
    assertThat(new EventDecoders(List.of(CampaignEventTypes.DECODER)).decode(back))
        .isEqualTo(line.event());
  }

  /**
   * Text stored before a limit was tightened (numbers up to 100 characters, since) is the server's
   * fault when read, for the replay, the facts and the fingerprint of a resent event alike: not
   * the JsonException that is answered as a client's bad JSON (a 400).
   */
  @Test
  void storedTextThatNoLongerParsesIsTheServersFault() {
    String data = "{\"account_id\":" + "1".repeat(101) + "}";
    assertThatThrownBy(() -> StoredEnvelope.read("evt-8", "account.updated", 0, data))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(JsonException.class)
        .hasMessageContaining("stored event evt-8 no longer parses")
        .hasCauseInstanceOf(JsonException.class);
  }
}
