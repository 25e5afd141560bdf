package com.conversation24.exports.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublicLinkTokenTest {

  @Test
  void aNewTokenHasThePrefixAnd192RandomBits() {
    PublicLinkToken token = PublicLinkToken.generate();
    assertThat(token.value()).startsWith("c24p_");
    byte[] random = Base64.getUrlDecoder().decode(token.value().substring(5));
    assertThat(random.length * 8).isEqualTo(192);
    assertThat(PublicLinkToken.generate().value()).isNotEqualTo(token.value());
  }

  @Test
  void onlyTheShapeOfATokenIsParsed() {
    String value = PublicLinkToken.generate().value();
    assertThat(PublicLinkToken.parse(value)).map(PublicLinkToken::value).contains(value);
    assertThat(PublicLinkToken.parse(value + "x")).isEmpty();
    assertThat(PublicLinkToken.parse("c24t_" + value.substring(5))).isEmpty();
    assertThat(PublicLinkToken.parse(value.substring(0, 20) + "/../" + value.substring(24))).isEmpty();
    assertThat(PublicLinkToken.parse(null)).isEmpty();
  }

  @Test
  void theHashIsHexSha256AndTheTokenNeverPrints() {
    PublicLinkToken token = PublicLinkToken.generate();
    assertThat(token.hash()).matches("[0-9a-f]{64}").isNotEqualTo(token.value());
    assertThat(token.toString()).doesNotContain(token.value());
  }
}
