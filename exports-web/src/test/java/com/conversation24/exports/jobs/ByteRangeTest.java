package com.conversation24.exports.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 section 14 on a file of 1,000 bytes (bytes 0 to 999). */
class ByteRangeTest {

  private static final long SIZE = 1000;

  private static ByteRange range(String header) throws ByteRange.Unsatisfiable {
    return ByteRange.parse(header, SIZE).orElseThrow();
  }

  @ParameterizedTest(name = "{0} is bytes {1} to {2}")
  @CsvSource({
    "bytes=0-499, 0, 499",
    "bytes=500-999, 500, 999",
    "bytes=500-, 500, 999",
    "bytes=999-, 999, 999",
    "bytes=0-0, 0, 0",
    "bytes=-1, 999, 999",
    "bytes=-300, 700, 999",
    "'bytes = 10 - 20 ', 10, 20",
    "BYTES=10-20, 10, 20"
  })
  void oneRangeIsServedAsAsked(String header, long first, long last) throws Exception {
    assertThat(range(header)).isEqualTo(new ByteRange(first, last));
  }

  @Test
  void aLastBytePastTheEndIsTheFilesEnd() throws Exception {
    assertThat(range("bytes=900-5000")).isEqualTo(new ByteRange(900, 999));
    assertThat(range("bytes=900-99999999999999999999999")).isEqualTo(new ByteRange(900, 999));
  }

  @Test
  void aSuffixLongerThanTheFileIsTheWholeFile() throws Exception {
    assertThat(range("bytes=-5000")).isEqualTo(new ByteRange(0, 999));
  }

  @Test
  void theAnswersHeadersCountBytesInclusively() throws Exception {
    ByteRange range = range("bytes=100-199");
    assertThat(range.length()).isEqualTo(100);
    assertThat(range.contentRange(SIZE)).isEqualTo("bytes 100-199/1000");
    assertThat(ByteRange.unsatisfied(SIZE)).isEqualTo("bytes */1000");
  }

  @ParameterizedTest(name = "{0} is the whole file")
  @ValueSource(
      strings = {
        "",
        "bytes",
        "bytes=",
        "bytes=-",
        "bytes=abc-",
        "bytes=5-2",
        "items=0-10",
        "bytes=0-10,20-30",
        "bytes=0-10;x"
      })
  void anotherHeaderIsIgnored(String header) throws Exception {
    assertThat(ByteRange.parse(header, SIZE)).isEmpty();
    assertThat(ByteRange.parse(null, SIZE)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0} cannot be served")
  @ValueSource(strings = {"bytes=1000-", "bytes=1000-1200", "bytes=99999999999999999999-", "bytes=-0"})
  void aRangeStartingPastTheEndIsUnsatisfiable(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, SIZE))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void anEmptyFileHasNoRangeToServe() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-10", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }
}
