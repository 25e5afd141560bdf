package com.conversation24.exports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.ingest.application.BatchVerdict;
import com.conversation24.campaigns.ingest.application.IngestAnswer;
import com.conversation24.campaigns.ingest.application.RejectedEvent;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worked example end to end through the reader, the four decoders and the duplicate judge: the
 * same lines rejected for the same field as {@code examples/ingest-answer.txt}, and its totals.
 * Reason wordings may differ (the README allows it); the field named may not.
 */
class IngestAnswerTest {

  private static final Pattern REJECTED =
      Pattern.compile("rejected line (\\d+)(?: id (.*?))?: (.*)");
  private static final Pattern TOTALS =
      Pattern.compile("accepted (\\d+), duplicates (\\d+), rejected (\\d+)");

  /** A reason names its field first: {@code "code: ..."}, or {@code "id reused ..."}. */
  private static final Pattern FIELD = Pattern.compile("^[^: ]+");

  private final IngestAnswer answer = BatchVerdict.judge(ExampleLog.lines(), Map.of()).answer();

  @Test
  void rejectsTheLinesOfTheExampleAnswerNamingTheSameIdAndField() {
    List<String> expected =
        expectedLines().stream()
            .map(REJECTED::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1) + " " + m.group(2) + " " + field(m.group(3)))
            .toList();

    List<String> actual =
        answer.rejected().stream()
            .map(r -> r.line() + " " + r.id() + " " + field(r.reason()))
            .toList();

    assertThat(expected).hasSize(65);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void countsAsTheExampleAnswer() {
    Matcher totals =
        expectedLines().stream()
            .map(TOTALS::matcher)
            .filter(Matcher::matches)
            .findFirst()
            .orElseThrow();

    assertThat(answer.accepted()).isEqualTo(Integer.parseInt(totals.group(1)));
    assertThat(answer.duplicates()).isEqualTo(Integer.parseInt(totals.group(2)));
    assertThat(answer.rejected()).hasSize(Integer.parseInt(totals.group(3)));
  }

  @Test
  void offersTheAcceptedEventsAsTheExampleLogOncePerId() {
    assertThat(ExampleLog.events())
        .hasSize(answer.accepted())
        .extracting(PlatformEvent::eventId)
        .doesNotHaveDuplicates();
  }

  @Test
  void givesEveryRejectionAReasonAfterItsField() {
    assertThat(answer.rejected())
        .extracting(RejectedEvent::reason)
        .allSatisfy(reason -> assertThat(reason).matches("[a-z_]+(\\[\\d+])?: \\S.*"));
  }

  private static String field(String reason) {
    Matcher m = FIELD.matcher(reason);
    return m.find() ? m.group() : reason;
  }

  private static List<String> expectedLines() {
    return new String(ExampleLog.bytes("/examples/ingest-answer.txt"), StandardCharsets.UTF_8)
        .lines()
        .toList();
  }
}
