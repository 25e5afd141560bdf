package com.conversation24.exports.testing;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Token buckets in memory on a test's clock, as a member without a data grid keeps them. */
public final class BucketsInMemory {

  public static ProxyManager<String> on(Clock clock) {
    return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(1_000))
        .clientClock(
            new TimeMeter() {
              @Override
              public long currentTimeNanos() {
                return ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
              }

              @Override
              public boolean isWallClockBased() {
                return true;
              }
            })
        .build();
  }

  private BucketsInMemory() {}
}
