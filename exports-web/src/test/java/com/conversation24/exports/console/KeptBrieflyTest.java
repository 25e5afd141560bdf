package com.conversation24.exports.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptBrieflyTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final AtomicInteger computed = new AtomicInteger();
  private final KeptBriefly<String, String> kept =
      new KeptBriefly<>(clock::instant, Duration.ofSeconds(30), 2);

  private String get(String key) {
    return kept.get(key, k -> k + "#" + computed.incrementAndGet());
  }

  @Test
  void aValueIsReusedWhileFreshAndComputedAgainAfterwards() {
    assertThat(get("a")).isEqualTo("a#1");
    clock.advance(Duration.ofSeconds(29));
    assertThat(get("a")).isEqualTo("a#1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("a")).isEqualTo("a#2");
  }

  @Test
  void onlyTheMostRecentlyUsedKeysAreKept() {
    get("a");
    get("b");
    get("a"); // a is now the most recently used
    get("c"); // b goes
    assertThat(get("a")).isEqualTo("a#1");
    assertThat(get("b")).isEqualTo("b#4");
  }

  @Test
  void withARefresherAValuePastItsTimeIsAnsweredWhileItIsComputedAgainOnce() {
    List<Runnable> queued = new ArrayList<>();
    KeptBriefly<String, String> refreshed =
        new KeptBriefly<>(clock::instant, Duration.ofSeconds(30), 2, queued::add);
    java.util.function.Function<String, String> compute = k -> k + "#" + computed.incrementAndGet();

    assertThat(refreshed.get("a", compute)).isEqualTo("a#1");
    clock.advance(Duration.ofSeconds(45));
    // Past its time: the kept value, and one refresh queued however often it is asked for.
    assertThat(refreshed.get("a", compute)).isEqualTo("a#1");
    assertThat(refreshed.get("a", compute)).isEqualTo("a#1");
    assertThat(queued).hasSize(1);
    assertThat(computed).hasValue(1);

    queued.remove(0).run();
    assertThat(refreshed.get("a", compute)).isEqualTo("a#2");
    assertThat(queued).isEmpty();

    // Unused for longer than twice its time: computed while the caller waits.
    clock.advance(Duration.ofSeconds(61));
    assertThat(refreshed.get("a", compute)).isEqualTo("a#3");
    assertThat(queued).isEmpty();
  }

  @Test
  void aFailedRefreshKeepsTheValueUntilItsTimeIsOut() {
    List<Runnable> queued = new ArrayList<>();
    KeptBriefly<String, String> refreshed =
        new KeptBriefly<>(clock::instant, Duration.ofSeconds(30), 2, queued::add);
    assertThat(refreshed.get("a", k -> "first")).isEqualTo("first");
    clock.advance(Duration.ofSeconds(31));

    assertThat(
            refreshed.get(
                "a",
                k -> {
                  throw new IllegalStateException("database gone");
                }))
        .isEqualTo("first");
    queued.remove(0).run();

    assertThat(refreshed.get("a", k -> "second")).as("a new refresh may start").isEqualTo("first");
    assertThat(queued).hasSize(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(refreshed.get("a", k -> "third")).isEqualTo("third");
  }
}
