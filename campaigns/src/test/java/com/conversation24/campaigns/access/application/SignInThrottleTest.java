package com.conversation24.campaigns.access.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Growing waits after failed sign-ins, per username and per address. */
class SignInThrottleTest {

  private Instant now = Instant.parse("2026-03-15T10:00:00Z");
  private SignInThrottle throttle;

  @BeforeEach
  void newThrottle() {
    throttle = new SignInThrottle();
    throttle.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    throttle.failures = new SignInFailures();
  }

  /** Fails as fast as the throttle lets it; how many attempts were checked. */
  private int guess(String username, String address, int attempts) {
    int checked = 0;
    for (int i = 0; i < attempts; i++) {
      if (throttle.waitBefore(username, address).isEmpty()) {
        throttle.failed(username, address);
        checked++;
      }
      now = now.plusMillis(10);
    }
    return checked;
  }

  @Test
  void thirtyQuickWrongPasswordsLeaveTheRightOneWaiting() {
    int checked = guess("alice", "198.51.100.1", 30);

    assertThat(checked).isEqualTo(SignInThrottle.FREE_FAILURES_PER_USERNAME);
    assertThat(throttle.waitBefore("alice", "198.51.100.1")).isPresent();
    // From another address too: the username is what is being guessed.
    assertThat(throttle.waitBefore("alice", "203.0.113.5")).isPresent();
  }

  @Test
  void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
    assertThat(SignInThrottle.waitAfter(4, 5)).isZero();
    assertThat(SignInThrottle.waitAfter(5, 5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SignInThrottle.waitAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(SignInThrottle.waitAfter(10, 5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(SignInThrottle.waitAfter(40, 5)).isEqualTo(Duration.ofMinutes(15));
    assertThat(SignInThrottle.waitAfter(5_000, 5)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void afterTheWaitOneMoreAttemptIsCheckedAndASuccessForgetsTheUsernamesFailures() {
    guess("bob", "198.51.100.2", 5);
    Optional<Duration> wait = throttle.waitBefore("bob", "198.51.100.2");
    assertThat(wait).isPresent();

    now = now.plus(wait.get());
    assertThat(throttle.waitBefore("bob", "198.51.100.2")).isEmpty();
    throttle.succeeded("bob");
    assertThat(throttle.waitBefore("bob", "198.51.100.2")).isEmpty();
  }

  @Test
  void anUnknownUsernameIsThrottledLikeAKnownOne() {
    guess("nobody-at-all", "198.51.100.3", 30);
    assertThat(throttle.waitBefore("nobody-at-all", "198.51.100.3")).isPresent();
  }

  @Test
  void oneAddressTryingManyUsernamesIsThrottledAsAnAddress() {
    for (int i = 0; i < 40; i++) {
      guess("user" + i, "198.51.100.4", 1);
    }
    assertThat(throttle.waitBefore("someone-new", "198.51.100.4")).isPresent();
    assertThat(throttle.waitBefore("someone-new", "198.51.100.99")).isEmpty();
  }
}
