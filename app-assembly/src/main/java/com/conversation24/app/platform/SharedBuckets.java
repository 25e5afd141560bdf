package com.conversation24.app.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Where the rate limits' token buckets are kept, chosen here and nowhere else (decision 25): in
 * Payara's data grid (Hazelcast, through JCache) whenever it runs, so that every member of a
 * cluster draws on one bucket per key; in this member's memory (Caffeine) only where there is no
 * grid at all ({@code --nohazelcast}, or a container without Payara's JCache). Payara Micro with
 * {@code --nocluster} still runs a one-member grid, so the tests take the grid's path too.
 */
@ApplicationScoped
public class SharedBuckets {

  /** The data grid's cache of buckets, one entry per limited key. */
  public static final String CACHE = "exports-rate-limit-buckets";

  /**
   * A bucket untouched this long is dropped from the grid; it has filled up again under any of our
   * limits (their periods are minutes), so dropping it changes no answer.
   */
  static final Duration IDLE = Duration.ofHours(1);

  /** Bound on the buckets one member keeps when there is no grid; idle ones go first. */
  static final long LOCAL_KEYS = 100_000;

  private static final Logger LOG = Logger.getLogger(SharedBuckets.class.getName());

  @Inject Instance<CacheManager> grid;

  @Inject Clock clock;

  @Produces
  @ApplicationScoped
  ProxyManager<String> buckets() {
    Optional<CacheManager> manager =
        grid.isResolvable() ? Optional.ofNullable(grid.get()) : Optional.empty();
    if (manager.isPresent()) {
      LOG.info("rate limits: token buckets in the data grid (JCache cache " + CACHE + ")");
      return inGrid(manager.get(), clock);
    }
    LOG.warning(
        "rate limits: no data grid (JCache) here, token buckets kept in this member's memory;"
            + " with several members each would allow the whole limit");
    return inMemory(clock);
  }

  /** Buckets in a JCache cache of the grid, created by the first member that asks for it. */
  static ProxyManager<String> inGrid(CacheManager manager, Clock clock) {
    return Bucket4jJCache.entryProcessorBasedBuilder(bucketCache(manager))
        .clientClock(meter(clock))
        .build();
  }

  static ProxyManager<String> inMemory(Clock clock) {
    return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(LOCAL_KEYS))
        .clientClock(meter(clock))
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .build();
  }

  static Cache<String, byte[]> bucketCache(CacheManager manager) {
    Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
    if (cache != null) {
      return cache;
    }
    MutableConfiguration<String, byte[]> configuration =
        new MutableConfiguration<String, byte[]>()
            .setTypes(String.class, byte[].class)
            .setExpiryPolicyFactory(
                ModifiedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(TimeUnit.SECONDS, IDLE.getSeconds())));
    try {
      return manager.createCache(CACHE, configuration);
    } catch (CacheException createdMeanwhile) {
      // Another member (or thread) created it first: the grid knows it now.
      return manager.getCache(CACHE, String.class, byte[].class);
    }
  }

  /**
   * The application's clock as Bucket4j's: the requesting member's time travels with each request,
   * so a bucket refills the same wherever the grid keeps it.
   */
  static TimeMeter meter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return ChronoUnit.NANOS.between(java.time.Instant.EPOCH, clock.instant());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
