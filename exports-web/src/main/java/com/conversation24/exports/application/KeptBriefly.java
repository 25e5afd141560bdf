package com.conversation24.exports.application;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Values computed from stored data and reused for a short while: the most recently used few keys,
 * each for a fixed time, after which the value is computed again (so new facts show). Two callers
 * asking for the same absent key may both compute it; the later one is kept.
 */
final class KeptBriefly<K, V> {

  private record Kept<V>(Instant at, V value) {}

  private final Supplier<Instant> now;
  private final Duration keep;
  private final Map<K, Kept<V>> kept;

  KeptBriefly(Supplier<Instant> now, Duration keep, int most) {
    this.now = now;
    this.keep = keep;
    this.kept =
        new LinkedHashMap<>(8, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
            return size() > most;
          }
        };
  }

  /** The kept value of the key while it is fresh, else a newly computed one (computed unlocked). */
  V get(K key, Function<K, V> compute) {
    Instant at = now.get();
    synchronized (kept) {
      Kept<V> value = kept.get(key);
      if (value != null && value.at().plus(keep).isAfter(at)) {
        return value.value();
      }
    }
    V fresh = compute.apply(key);
    synchronized (kept) {
      kept.put(key, new Kept<>(at, fresh));
    }
    return fresh;
  }
}
