package com.conversation24.exports.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.feed.FeedCursor.Position;
import com.conversation24.exports.reports.AccountScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final AccountScope ONE = AccountScope.only(Set.of(1L));
  private static final FeedCursor TWO_CLOCKS =
      FeedCursor.START.with("db1:3306", new Position(41, 123_456_789_012L))
          .with("db2:3307", new Position(7, 9));

  @Test
  void aCursorReadsBackAsThePositionsItWasGivenFor() {
    String text = TWO_CLOCKS.text("slots", ONE, SECRET);

    FeedCursor read = FeedCursor.of(text, "slots", ONE, SECRET);
    assertThat(read).isEqualTo(TWO_CLOCKS);
    assertThat(read.of("db2:3307")).isEqualTo(new Position(7, 9));
    assertThat(read.of("db3:3308")).as("a clock not seen yet starts at 0").isEqualTo(new Position(0, 0));
    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(FeedCursor.of(FeedCursor.START.text("slots", ONE, SECRET), "slots", ONE, SECRET))
        .isEqualTo(FeedCursor.START);
    // The same accounts in another order are the same caller.
    String several = TWO_CLOCKS.text("slots", AccountScope.only(Set.of(2L, 3L)), SECRET);
    assertThat(FeedCursor.of(several, "slots", AccountScope.only(Set.of(3L, 2L)), SECRET))
        .isEqualTo(TWO_CLOCKS);
  }

  @Test
  void anotherFeedsCallersOrServersCursorIsRefusedNamingTheCursor() {
    String text = TWO_CLOCKS.text("conversations", ONE, SECRET);

    assertRefused(text, "slots", ONE, SECRET);
    assertRefused(text, "conversations", AccountScope.only(Set.of(2L)), SECRET);
    assertRefused(text, "conversations", AccountScope.ALL, SECRET);
    assertRefused(
        text, "conversations", ONE, "another secret, another database!".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aChangedOrMalformedCursorIsRefused() {
    String text = TWO_CLOCKS.text("conversations", ONE, SECRET);
    byte[] token = Base64.getUrlDecoder().decode(text);
    token[12] ^= 1; // a bit of the first clock's number, its MAC kept
    String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(token);

    assertRefused(changed, "conversations", ONE, SECRET);
    assertRefused(text.substring(0, text.length() - 1), "conversations", ONE, SECRET);
    assertRefused(text + "AAAA", "conversations", ONE, SECRET);
    assertRefused("%%not base64%%", "conversations", ONE, SECRET);
    assertRefused("AAAA", "conversations", ONE, SECRET);
  }

  private static void assertRefused(String text, String report, AccountScope scope, byte[] secret) {
    assertThatThrownBy(() -> FeedCursor.of(text, report, scope, secret))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("cursor"));
  }
}
