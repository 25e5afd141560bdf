package com.conversation24.exports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The token bucket: a burst of the capacity, then one request per period / capacity. */
class RequestLimiterTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T10:00:00Z"));
  private final RequestLimiter limiter = new RequestLimiter(3, Duration.ofSeconds(60), clock, 10);

  @Test
  void theCapacityIsAllowedAtOnceThenTheWaitIsForOneRequest() {
    assertThat(limiter.take("a")).isEmpty();
    assertThat(limiter.take("a")).isEmpty();
    assertThat(limiter.take("a")).isEmpty();
    assertThat(limiter.take("a")).contains(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(5));
    assertThat(limiter.take("a")).contains(Duration.ofSeconds(15));
  }

  @Test
  void requestsComeBackEvenlyAndNeverBeyondTheCapacity() {
    for (int i = 0; i < 3; i++) {
      limiter.take("a");
    }
    clock.advance(Duration.ofSeconds(20));
    assertThat(limiter.take("a")).isEmpty();
    assertThat(limiter.take("a")).isPresent();
    clock.advance(Duration.ofHours(5));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.take("a")).isEmpty();
    }
    assertThat(limiter.take("a")).isPresent();
  }

  @Test
  void keysAreCountedApart() {
    for (int i = 0; i < 3; i++) {
      limiter.take("a");
    }
    assertThat(limiter.take("a")).isPresent();
    assertThat(limiter.take("b")).isEmpty();
  }

  @Test
  void idleKeysAreForgottenWhenTheMapIsFullButBusyOnesAreKept() {
    for (int i = 0; i < 3; i++) {
      limiter.take("busy");
    }
    for (int i = 0; i < 9; i++) {
      limiter.take("idle-" + i);
    }
    // 20 s give one request back: the idle keys are full again, the busy one has one.
    clock.advance(Duration.ofSeconds(20));
    // The map is at its bound: the next new key makes room by dropping the idle ones.
    assertThat(limiter.take("new")).isEmpty();
    assertThat(limiter.take("busy")).isEmpty();
    assertThat(limiter.take("busy")).isPresent();
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(RequestLimiter.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(RequestLimiter.seconds(Duration.ofMillis(20_001))).isEqualTo(21);
    assertThat(RequestLimiter.seconds(Duration.ofSeconds(20))).isEqualTo(20);
    assertThat(RequestLimiter.seconds(Duration.ZERO)).isEqualTo(1);
  }
}
