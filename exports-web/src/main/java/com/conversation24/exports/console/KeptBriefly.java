package com.conversation24.exports.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Values computed from stored data and reused for a short while: the most recently used few keys,
 * each for a fixed time, after which the value is computed again (so new facts show). Two callers
 * asking for the same absent key may both compute it; the later one is kept.
 *
 * <p>With a refresher, a value past its time but used again within the same time once more is
 * still answered, and computed again in the background (one refresh per key at a time): someone
 * paging through a preview for minutes never waits for the second it takes to count a million
 * rows again, and sees new rows at most one refresh later. A value unused for longer is computed
 * while the caller waits, as without a refresher.
 */
final class KeptBriefly<K, V> {

  private static final Logger LOG = Logger.getLogger(KeptBriefly.class.getName());

  private record Kept<V>(Instant at, V value) {}

  private final Supplier<Instant> now;
  private final Duration keep;
  private final Map<K, Kept<V>> kept;
  private final Executor refresher;
  private final Set<K> refreshing = new HashSet<>();

  KeptBriefly(Supplier<Instant> now, Duration keep, int most) {
    this(now, keep, most, null);
  }

  /** @param refresher where values past their time are computed again; {@code null}: none */
  KeptBriefly(Supplier<Instant> now, Duration keep, int most, Executor refresher) {
    this.now = now;
    this.keep = keep;
    this.refresher = refresher;
    this.kept =
        new LinkedHashMap<>(8, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
            return size() > most;
          }
        };
  }

  /**
   * The kept value of the key while it is fresh (or, with a refresher, while a refresh of it can
   * be waited out), else a newly computed one (computed unlocked).
   */
  V get(K key, Function<K, V> compute) {
    Instant at = now.get();
    synchronized (kept) {
      Kept<V> value = kept.get(key);
      if (value != null) {
        Instant freshUntil = value.at().plus(keep);
        if (freshUntil.isAfter(at)) {
          return value.value();
        }
        if (refresher != null && freshUntil.plus(keep).isAfter(at)) {
          if (refreshing.add(key)) {
            try {
              refresher.execute(() -> refresh(key, compute));
            } catch (RejectedExecutionException e) {
              refreshing.remove(key);
            }
          }
          return value.value();
        }
      }
    }
    V fresh = compute.apply(key);
    synchronized (kept) {
      kept.put(key, new Kept<>(at, fresh));
    }
    return fresh;
  }

  private void refresh(K key, Function<K, V> compute) {
    Instant at = now.get();
    try {
      V fresh = compute.apply(key);
      synchronized (kept) {
        kept.put(key, new Kept<>(at, fresh));
      }
    } catch (RuntimeException e) {
      // The stale value stays until its time is out; the next use computes it while waiting.
      LOG.log(Level.WARNING, "could not compute a kept value again", e);
    } finally {
      synchronized (kept) {
        refreshing.remove(key);
      }
    }
  }
}
