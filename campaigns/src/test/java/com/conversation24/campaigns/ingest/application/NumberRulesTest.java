package com.conversation24.campaigns.ingest.application;

import static com.conversation24.campaigns.ingest.application.IngestFixtures.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code max_chats} (integer 1-100) and goal values (2 decimals, below 10^12). */
class NumberRulesTest {

  @Test
  void readsMaxChatsFrom1To100() {
    assertThat(data("{\"max_chats\":1}").optionalInteger("max_chats", 1, 100)).hasValue(1);
    assertThat(data("{\"max_chats\":100}").optionalInteger("max_chats", 1, 100)).hasValue(100);
    assertThat(data("{}").optionalInteger("max_chats", 1, 100)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-3", "99999999999999999999"})
  void rejectsMaxChatsOutOfRange(String maxChats) {
    assertThatThrownBy(
            () -> data("{\"max_chats\":" + maxChats + "}").optionalInteger("max_chats", 1, 100))
        .hasMessage("max_chats: out of range (1 to 100)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "3e0", "\"3\""})
  void rejectsMaxChatsThatIsNotAnInteger(String maxChats) {
    assertThatThrownBy(
            () -> data("{\"max_chats\":" + maxChats + "}").optionalInteger("max_chats", 1, 100))
        .hasMessage("max_chats: must be an integer");
  }

  @ParameterizedTest
  @CsvSource({
    "7.25,           7.25",
    "1,              1.00",
    "1.500,          1.50",
    "1.999e1,        19.99",
    "0.0E5,          0.00",
    "-12.34,         -12.34",
    "999999999999.99, 999999999999.99"
  })
  void keepsAGoalValueWithTwoDecimals(String spelled, BigDecimal kept) {
    BigDecimal value = data("{\"value\":" + spelled + "}").goalValue("value");

    assertThat(value).isEqualTo(kept);
    assertThat(value.scale()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-12.345", "1.005", "1e-3"})
  void rejectsAGoalValueWithMoreThanTwoDecimals(String spelled) {
    assertThatThrownBy(() -> data("{\"value\":" + spelled + "}").goalValue("value"))
        .hasMessage("value: more than 2 decimals");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000000000", "-1000000000000.0", "1e12", "1e999999999"})
  void rejectsAGoalValueOf10Pow12OrMoreInMagnitude(String spelled) {
    assertThatThrownBy(() -> data("{\"value\":" + spelled + "}").goalValue("value"))
        .hasMessage("value: absolute value must be below 10^12");
  }

  @Test
  void rejectsAGoalValueThatIsNotANumber() {
    assertThatThrownBy(() -> data("{\"value\":\"12.50\"}").goalValue("value"))
        .hasMessage("value: must be a number");
    assertThatThrownBy(() -> data("{}").goalValue("value")).hasMessage("value: required");
  }
}
