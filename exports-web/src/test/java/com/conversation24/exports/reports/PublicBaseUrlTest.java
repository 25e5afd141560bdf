package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

  @Test
  void theBaseUrlLosesItsTrailingSlash() {
    assertThat(PublicBaseUrl.of("https://exports.example/").value())
        .isEqualTo("https://exports.example");
    assertThat(PublicBaseUrl.of("https://exports.example").value())
        .isEqualTo("https://exports.example");
  }
}
