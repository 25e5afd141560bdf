package com.conversation24.campaigns.ingest.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.JsonText;
import com.conversation24.campaigns.interfaces.ingest.CampaignEventTypes;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One table of decoders by type, for arriving and for stored events. */
class EventDecodersTest {

  private static final EventDecoders DECODERS =
      new EventDecoders(List.of(CampaignEventTypes.DECODER));

  private static EventEnvelope account(String data) {
    return new EventEnvelope(
        "e-1",
        "account.updated",
        Instant.parse("2026-01-05T10:00:00Z"),
        (JsonObject) JsonText.parse(data));
  }

  @Test
  void twoContextsCannotDeclareOneType() {
    EventDecoder other =
        new EventDecoder(new EventType("account.updated", (envelope, data) -> null));
    assertThatThrownBy(() -> new EventDecoders(List.of(CampaignEventTypes.DECODER, other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account.updated is declared by two contexts' decoders");
  }

  @Test
  void knowsTheTypesItsContextsOwn() {
    assertThat(DECODERS.owns("account.updated")).isTrue();
    assertThat(DECODERS.owns("page.viewed")).isFalse();
  }

  @Test
  void decodesAnEventToItsContextsRecord() {
    assertThat(DECODERS.decodeArriving(account("{\"account_id\":7,\"name\":\"Acme\"}")))
        .isEqualTo(new AccountUpdated("e-1", Instant.parse("2026-01-05T10:00:00Z"), 7, "Acme"));
  }

  @Test
  void aBrokenRuleIsTheSendersFaultOnArrivalAndTheServersWhenStored() {
    EventEnvelope broken = account("{\"account_id\":7}");
    assertThatThrownBy(() -> DECODERS.decodeArriving(broken))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DECODERS.decode(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored event e-1 no longer holds the rules")
        .hasCauseInstanceOf(InvalidInputException.class);
  }
}
