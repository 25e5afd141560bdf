package com.conversation24.campaigns.access.application;

import com.conversation24.campaigns.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing, per username and per client address. A few failures in a row are
 * free; after them each attempt must wait, twice as long after each further failure, up to
 * {@link #LONGEST_WAIT}: guessing a password stops paying, and someone who mistyped waits
 * seconds. An attempt made during the wait is refused without checking the password (so it costs
 * the server nothing) and does not count. A username is throttled whether or not it names
 * somebody, so the throttle tells nothing about which usernames exist; a success forgets the
 * username's failures, not the address's (one's own account must not reset a guesser's count).
 */
@ApplicationScoped
public class SignInThrottle {

  static final int FREE_FAILURES_PER_USERNAME = 5;
  /** Higher: many people may sign in from behind one address (an office's NAT). */
  static final int FREE_FAILURES_PER_ADDRESS = 20;

  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

  @Inject Clock clock;

  @Inject SignInFailures failures;

  /**
   * @return empty when this attempt may be checked now; else how long until one may
   */
  public Optional<Duration> waitBefore(String username, String address) {
    Instant now = clock.instant();
    Duration user = remaining(userKey(username), FREE_FAILURES_PER_USERNAME, now);
    Duration client = remaining(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
    Duration longer = user.compareTo(client) >= 0 ? user : client;
    return longer.isZero() ? Optional.empty() : Optional.of(longer);
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    failures.recordFailure(userKey(username), now);
    failures.recordFailure(addressKey(address), now);
  }

  public void succeeded(String username) {
    failures.forget(userKey(username));
  }

  /** The wait after {@code count} failures in a row, {@code free} of them without one. */
  static Duration waitAfter(int count, int free) {
    if (count < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - free, 30);
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private Duration remaining(String key, int free, Instant now) {
    return failures
        .of(key)
        .map(
            f -> {
              Instant until = f.last().plus(waitAfter(f.count(), free));
              return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
            })
        .orElse(Duration.ZERO);
  }

  /** A username longer than any valid one is kept as its hash: keys stay small whatever is sent. */
  private static String userKey(String username) {
    String name = username == null ? "" : username;
    return "user:" + (name.length() <= 190 ? name : Sha256.hex(name));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
