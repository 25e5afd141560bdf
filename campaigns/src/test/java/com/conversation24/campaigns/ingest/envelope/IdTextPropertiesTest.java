package com.conversation24.campaigns.ingest.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The id and key check agrees with EVENTS.md's pattern, characters at the class's edges too. */
class IdTextPropertiesTest {

  @Property(tries = 3000)
  void agreesWithTheSpecsPattern(
      @ForAll
          @StringLength(max = 70)
          @CharRange(from = '*', to = '~')
          @Chars({' ', '\u00e9', '\u0662', '\u0000'})
          String text,
      @ForAll @IntRange(min = 1, max = 66) int maxLength) {
    Pattern spec = Pattern.compile("[A-Za-z0-9._:-]{1," + maxLength + "}");

    assertThat(IdText.isValid(text, maxLength)).isEqualTo(spec.matcher(text).matches());
  }
}
