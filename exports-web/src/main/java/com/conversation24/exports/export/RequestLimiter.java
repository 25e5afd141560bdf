package com.conversation24.exports.export;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A token bucket per key (Bucket4j): each key may make {@code capacity} requests at once, and gets
 * them back evenly over {@code period}. A bucket is the fairest simple limiter (no burst of twice
 * the limit at a window's edge, as fixed windows allow).
 *
 * <p>The buckets live where the {@link ProxyManager} keeps them: on a cluster, in the data grid
 * shared by every member, so that a limit is one limit however many members answer (decision 25);
 * each bucket is forgotten once it has filled up again, so memory follows the active keys only.
 */
public final class RequestLimiter {

  private final ProxyManager<String> buckets;
  private final String keyPrefix;
  private final BucketConfiguration configuration;

  /**
   * @param name tells this limiter's buckets from the others' in the same store
   */
  public RequestLimiter(ProxyManager<String> buckets, String name, int capacity, Duration period) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive");
    }
    this.buckets = Objects.requireNonNull(buckets, "buckets");
    // The limit is part of the key: members restarted with another limit start new buckets
    // instead of meeting ones stored with the old configuration.
    this.keyPrefix = name + "/" + capacity + "/" + period.toMillis() + ":";
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
            .build();
  }

  /**
   * Takes one request from the key's allowance.
   *
   * @return empty when the request may go ahead; otherwise how long until one more would be allowed
   */
  public Optional<Duration> take(String key) {
    ConsumptionProbe probe =
        buckets.builder().build(keyPrefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Whole seconds for a {@code Retry-After} header: rounded up, at least one. */
  public static long seconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
