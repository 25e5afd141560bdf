package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.ingest.envelope.EventData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids are JSON integers from 1 to 2^53-1; keys are 1-64 characters of [A-Za-z0-9._:-]. */
class IdRulesTest {

  @Test
  void readsAnIdFromOneTo2Pow53Minus1() {
    assertThat(data("{\"account_id\":1}").id("account_id")).isEqualTo(1);
    assertThat(data("{\"account_id\":9007199254740991}").id("account_id"))
        .isEqualTo(EventData.MAX_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "-0", "9007199254740992", "123456789012345678901234567890"})
  void rejectsAnIdOutOfRange(String id) {
    assertThatThrownBy(() -> data("{\"account_id\":" + id + "}").id("account_id"))
        .hasMessage("account_id: out of range (1 to 2^53-1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.0", "5e0", "5.0e1", "5.5", "\"5\"", "true", "[5]"})
  void rejectsAnIdThatIsNotSpelledAsAJsonInteger(String id) {
    assertThatThrownBy(() -> data("{\"account_id\":" + id + "}").id("account_id"))
        .hasMessage("account_id: must be an integer");
  }

  @Test
  void treatsANullIdAsAbsent() {
    assertThatThrownBy(() -> data("{\"account_id\":null}").id("account_id"))
        .hasMessage("account_id: required");
    assertThat(data("{\"host_id\":null}").optionalId("host_id")).isEmpty();
  }

  @Test
  void namesTheElementOfAnIdArrayAtFault() {
    assertThat(data("{\"ids\":[1101,1102]}").ids("ids")).containsExactly(1101L, 1102L);
    assertThat(data("{}").ids("ids")).isEmpty();
    assertThatThrownBy(() -> data("{\"ids\":[1101,-1]}").ids("ids"))
        .hasMessage("ids[1]: out of range (1 to 2^53-1)");
    assertThatThrownBy(() -> data("{\"ids\":[1.5]}").ids("ids"))
        .hasMessage("ids[0]: must be an integer");
    assertThatThrownBy(() -> data("{\"ids\":1101}").ids("ids")).hasMessage("ids: must be an array");
  }

  @Test
  void readsAKeyOf1To64AllowedCharacters() {
    assertThat(data("{\"session_id\":\"s-1.a:b_C\"}").key("session_id")).isEqualTo("s-1.a:b_C");
    assertThat(data("{\"session_id\":\"" + "x".repeat(64) + "\"}").key("session_id")).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bad id!",
        "s/1",
        "évt",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void rejectsAKeyOutsideItsCharactersOrLength(String key) {
    assertThatThrownBy(() -> data("{\"session_id\":\"" + key + "\"}").key("session_id"))
        .hasMessage("session_id: must be 1-64 characters of [A-Za-z0-9._:-]");
  }

  @Test
  void rejectsAKeyThatIsNotAString() {
    assertThatThrownBy(() -> data("{\"visitor_id\":5}").key("visitor_id"))
        .hasMessage("visitor_id: must be a string");
    assertThatThrownBy(() -> data("{}").key("visitor_id")).hasMessage("visitor_id: required");
  }
}
