package com.conversation24.campaigns.access.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * The one place that keeps failed sign-ins: per key (a username, a client address) how many
 * failed in a row and when the last one did. {@link SignInThrottle} decides what they mean.
 *
 * <p>In the cluster's data grid whenever it runs (decisions 21 and 25): a JCache cache whose
 * entries every member updates with one atomic entry processor, so a guesser spread over several
 * members counts once, and a member's death loses no count (the grid keeps a backup). A key
 * without a failure for {@link #FORGET_AFTER} expires; the longest wait is far shorter, so
 * expiry forgets nothing that still holds anyone back. Without a grid (a container without
 * JCache, the unit tests) in this member's memory: there, idle keys are dropped when the map grows
 * past {@link #MAX_KEYS}, and if that frees nothing the map is cleared rather than outgrow the heap
 * (the per-address count still holds a flood from one address back).
 */
@ApplicationScoped
public class SignInFailures {

  /** The data grid's cache of failures, one entry per key. */
  public static final String CACHE = "exports-sign-in-failures";

  static final int MAX_KEYS = 100_000;
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(SignInFailures.class.getName());

  /** Failures in a row, and when the last one happened. */
  public record Failures(int count, Instant last) implements Serializable {}

  @Inject Instance<CacheManager> grid;

  /** The grid's cache; null: this member's memory. */
  private Cache<String, Failures> shared;

  private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

  /** In this member's memory, unless the container offers a data grid. */
  public SignInFailures() {}

  /** In the given grid's cache (created by the first member that asks for it). */
  public static SignInFailures inGrid(CacheManager manager) {
    SignInFailures kept = new SignInFailures();
    kept.shared = cache(manager);
    return kept;
  }

  @PostConstruct
  void chooseWhereToKeep() {
    // Payara's producer gives null where it runs no grid at all (--nohazelcast).
    CacheManager manager = grid != null && grid.isResolvable() ? grid.get() : null;
    if (manager != null) {
      shared = cache(manager);
      LOG.info("sign-in failures: counted in the data grid (JCache cache " + CACHE + ")");
    } else {
      LOG.warning(
          "sign-in failures: no data grid (JCache) here, counted in this member's memory;"
              + " with several members each would count its own");
    }
  }

  public Optional<Failures> of(String key) {
    return Optional.ofNullable(shared != null ? shared.get(key) : failures.get(key));
  }

  /** Counts one more failure for the key; the count as it is now. */
  public Failures recordFailure(String key, Instant at) {
    if (shared != null) {
      return shared.invoke(key, new OneMore(at));
    }
    if (failures.size() >= MAX_KEYS) {
      Instant idle = at.minus(FORGET_AFTER);
      failures.values().removeIf(f -> f.last().isBefore(idle));
      if (failures.size() >= MAX_KEYS) {
        failures.clear();
      }
    }
    return failures.merge(key, new Failures(1, at), (old, one) -> new Failures(old.count() + 1, at));
  }

  public void forget(String key) {
    if (shared != null) {
      shared.remove(key);
    } else {
      failures.remove(key);
    }
  }

  /** One more failure, counted where the grid keeps the entry: atomic without a lock. */
  record OneMore(Instant at)
      implements EntryProcessor<String, Failures, Failures>, Serializable {
    @Override
    public Failures process(MutableEntry<String, Failures> entry, Object... arguments) {
      Failures now = new Failures(entry.exists() ? entry.getValue().count() + 1 : 1, at);
      entry.setValue(now);
      return now;
    }
  }

  private static Cache<String, Failures> cache(CacheManager manager) {
    Cache<String, Failures> cache = manager.getCache(CACHE);
    if (cache != null) {
      return cache;
    }
    MutableConfiguration<String, Failures> configuration =
        new MutableConfiguration<String, Failures>()
            .setExpiryPolicyFactory(
                ModifiedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(TimeUnit.SECONDS, FORGET_AFTER.getSeconds())));
    try {
      return manager.createCache(CACHE, configuration);
    } catch (CacheException createdMeanwhile) {
      // Another member (or thread) created it first: the grid knows it now.
      return manager.getCache(CACHE);
    }
  }
}
