package com.conversation24.exports.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The create body: criteria as strings, numbers or arrays; each wrong field named. */
class PublicLinksRequestTest {

  @Test
  void criteriaValuesBecomeExportParameters() {
    LinkRequest request =
        PublicLinksResource.request(
            "{\"report\":\"traffic\",\"label\":\"Weekly\",\"expiresAt\":\"2027-01-01T00:00:00Z\","
                + "\"criteria\":{\"range\":\"last_7_days\",\"chatcampaign_id\":[11,\"13\"],"
                + "\"bom\":true}}");
    assertThat(request.report()).isEqualTo("traffic");
    assertThat(request.label()).contains("Weekly");
    assertThat(request.expiresAt()).contains(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(request.criteria().get("range")).containsExactly("last_7_days");
    assertThat(request.criteria().get("chatcampaign_id")).containsExactly("11", "13");
    assertThat(request.criteria().get("bom")).containsExactly("true");
  }

  @Test
  void eachWrongFieldIsNamed() {
    assertField("body", "not json");
    assertField("body", "[1]");
    assertField("report", "{\"report\":3}");
    assertField("criteria", "{\"report\":\"hosts\",\"criteria\":[]}");
    assertField("tz", "{\"report\":\"hosts\",\"criteria\":{\"tz\":{\"a\":1}}}");
    assertField("expiresAt", "{\"report\":\"hosts\",\"expiresAt\":\"tomorrow\"}");
  }

  private static void assertField(String field, String body) {
    assertThatThrownBy(() -> PublicLinksResource.request(body))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }

  @Test
  void anEmptyCriteriaObjectIsNoCriteria() {
    assertThat(PublicLinksResource.request("{\"report\":\"hosts\"}").criteria()).isEqualTo(java.util.Map.of());
    assertThat(PublicLinksResource.request("{\"report\":\"hosts\",\"criteria\":{}}").criteria())
        .isEqualTo(java.util.Map.<String, List<String>>of());
  }
}
