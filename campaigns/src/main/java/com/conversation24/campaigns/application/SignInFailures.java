package com.conversation24.campaigns.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one place that keeps failed sign-ins: per key (a username, a client address) how many
 * failed in a row and when the last one did. {@link SignInThrottle} decides what they mean.
 *
 * <p>In this member's memory for now (decision 21): with several members each counts its own, so
 * a guesser spread over n members gets n times the allowance, still a bound that grows the same
 * way. To count cluster-wide, back these three methods by the cluster's cache (a JCache {@code
 * Cache<String, Failures>} with {@code invoke} for the update), nothing else changes. Keys idle
 * longer than {@link #FORGET_AFTER} are dropped when the map grows past {@link #MAX_KEYS}; if that
 * frees nothing, the map is cleared rather than outgrow the heap (the per-address count still
 * holds a flood from one address back).
 */
@ApplicationScoped
public class SignInFailures {

  static final int MAX_KEYS = 100_000;
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** Failures in a row, and when the last one happened. */
  public record Failures(int count, Instant last) {}

  private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

  public Optional<Failures> of(String key) {
    return Optional.ofNullable(failures.get(key));
  }

  /** Counts one more failure for the key; the count as it is now. */
  public Failures recordFailure(String key, Instant at) {
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
    failures.remove(key);
  }
}
