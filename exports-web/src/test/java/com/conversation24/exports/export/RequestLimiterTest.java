package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.testing.BucketsInMemory;
import com.conversation24.exports.testing.MovableClock;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The token bucket: a burst of the capacity, then one request per period / capacity. The buckets
 * are kept in memory here; SharedBucketsTest shows the same limits over a two-member data grid.
 */
class RequestLimiterTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T10:00:00Z"));

  private final ProxyManager<String> buckets = BucketsInMemory.on(clock);

  private final RequestLimiter limiter =
      new RequestLimiter(buckets, "test", 3, Duration.ofSeconds(60));

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
  void limitersOfOtherNamesOrLimitsDrawOnBucketsOfTheirOwn() {
    RequestLimiter other = new RequestLimiter(buckets, "other", 3, Duration.ofSeconds(60));
    RequestLimiter larger = new RequestLimiter(buckets, "test", 5, Duration.ofSeconds(60));
    for (int i = 0; i < 3; i++) {
      limiter.take("a");
    }
    assertThat(limiter.take("a")).isPresent();
    assertThat(other.take("a")).isEmpty();
    // A member restarted with a larger limit does not meet the bucket of the old one.
    assertThat(larger.take("a")).isEmpty();
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(RequestLimiter.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(RequestLimiter.seconds(Duration.ofMillis(20_001))).isEqualTo(21);
    assertThat(RequestLimiter.seconds(Duration.ofSeconds(20))).isEqualTo(20);
    assertThat(RequestLimiter.seconds(Duration.ZERO)).isEqualTo(1);
  }
}
