package com.conversation24.exports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
}
