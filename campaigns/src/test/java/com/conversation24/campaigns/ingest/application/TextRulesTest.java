package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.ingest.envelope.EventData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Texts: non-blank when required, empty means absent when optional, lengths in code points. */
class TextRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " \\t\\r\\n", "\u3000", "\u00a0"})
  void rejectsARequiredTextWithoutANonBlankCharacter(String blank) {
    assertThatThrownBy(() -> data("{\"code\":\"" + blank + "\"}").text("code"))
        .hasMessage("code: must hold a non-blank character");
  }

  @Test
  void rejectsAMissingOrNullRequiredText() {
    assertThatThrownBy(() -> data("{\"name\":null}").text("name")).hasMessage("name: required");
    assertThatThrownBy(() -> data("{\"name\":7}").text("name"))
        .hasMessage("name: must be a string");
  }

  @Test
  void keepsARequiredTextAsSent() {
    assertThat(data("{\"text\":\"  hello\\n\"}").text("text")).isEqualTo("  hello\n");
  }

  @Test
  void treatsAnEmptyOptionalTextAsAbsentButKeepsABlankOne() {
    assertThat(data("{\"comment\":\"\"}").optionalText("comment")).isEmpty();
    assertThat(data("{\"comment\":null}").optionalText("comment")).isEmpty();
    assertThat(data("{\"comment\":\" \"}").optionalText("comment")).contains(" ");
  }

  @Test
  void countsLengthInCodePoints() {
    String emoji = "\uD83D\uDE42";
    String longest = emoji.repeat(EventData.MAX_TEXT_LENGTH);

    assertThat(data("{\"text\":\"" + longest + "\"}").text("text")).isEqualTo(longest);
    assertThatThrownBy(() -> data("{\"text\":\"" + longest + "x\"}").text("text"))
        .hasMessage("text: longer than 10000 characters");
  }

  @Test
  void limitsUrlsTo2048CodePoints() {
    String url = "https://x/" + "a".repeat(2048 - 10);

    assertThat(data("{\"url\":\"" + url + "\"}").optionalUrl("url")).contains(url);
    assertThatThrownBy(() -> data("{\"url\":\"" + url + "a\"}").optionalUrl("url"))
        .hasMessage("url: longer than 2048 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"half \\ud83d", "\\ude42 low first", "\\ude42\\ud83d"})
  void rejectsAnUnpairedSurrogate(String escaped) {
    assertThatThrownBy(() -> data("{\"text\":\"" + escaped + "\"}").text("text"))
        .hasMessage("text: holds an unpaired surrogate");
    assertThatThrownBy(() -> data("{\"comment\":\"" + escaped + "\"}").optionalText("comment"))
        .hasMessage("comment: holds an unpaired surrogate");
  }

  @Test
  void rejectsAGoalWithAComma() {
    assertThat(data("{\"goal\":\"lead\"}").goal("goal")).isEqualTo("lead");
    assertThatThrownBy(() -> data("{\"goal\":\"lead, qualified\"}").goal("goal"))
        .hasMessage("goal: must not contain ','");
  }

  @Test
  void readsAnEnumByItsLowerCaseNameOnly() {
    assertThat(data("{\"type\":\"invite\"}").choice("type", EntryPointType.class))
        .isEqualTo(EntryPointType.INVITE);
    assertThatThrownBy(() -> data("{\"type\":\"INVITE\"}").choice("type", EntryPointType.class))
        .hasMessage("type: must be one of button, invite");
  }
}
