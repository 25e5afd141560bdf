package com.conversation24.exports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per key, in memory: each key may make {@code capacity} requests at once, and gets
 * them back evenly over {@code period}. A bucket is the fairest simple limiter (no burst of twice
 * the limit at a window's edge, as fixed windows allow) and needs only two numbers per key.
 *
 * <p>In memory on purpose: a lost count after a restart only lets a client start afresh, and a
 * cluster would multiply the allowance by its size, which is still a bound. Keys whose bucket has
 * filled up again are forgotten when the map grows past {@code maxKeys}; if that frees nothing (a
 * flood of distinct addresses), the map is cleared rather than outgrow the heap: absorbing a flood
 * is the reverse proxy's job.
 */
public final class RequestLimiter {

  private final int capacity;
  private final Duration period;
  private final Clock clock;
  private final int maxKeys;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RequestLimiter(int capacity, Duration period, Clock clock, int maxKeys) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive");
    }
    this.capacity = capacity;
    this.period = period;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxKeys = maxKeys;
  }

  /**
   * Takes one request from the key's allowance.
   *
   * @return empty when the request may go ahead; otherwise how long until one more would be allowed
   */
  public Optional<Duration> take(String key) {
    Instant now = clock.instant();
    if (buckets.size() >= maxKeys) {
      forgetIdle(now);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
    synchronized (bucket) {
      return bucket.take(now);
    }
  }

  /** Whole seconds for a {@code Retry-After} header: rounded up, at least one. */
  public static long seconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private void forgetIdle(Instant now) {
    buckets
        .values()
        .removeIf(
            bucket -> {
              synchronized (bucket) {
                return bucket.fullAt(now);
              }
            });
    if (buckets.size() >= maxKeys) {
      buckets.clear();
    }
  }

  private final class Bucket {

    private double tokens = capacity;
    private Instant updated;

    Bucket(Instant now) {
      this.updated = now;
    }

    Optional<Duration> take(Instant now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      double missing = 1 - tokens;
      return Optional.of(Duration.ofNanos((long) Math.ceil(missing * nanosPerRequest())));
    }

    boolean fullAt(Instant now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(Instant now) {
      // A clock that steps back refills nothing (and takes nothing back).
      if (now.isAfter(updated)) {
        double earned = Duration.between(updated, now).toNanos() / nanosPerRequest();
        tokens = Math.min(capacity, tokens + earned);
        updated = now;
      }
    }

    private double nanosPerRequest() {
      return (double) period.toNanos() / capacity;
    }
  }
}
