package com.conversation24.campaigns.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of the application: the system clock in UTC. Tests of figures pass their own
 * {@link Clock}; container tests in development mode ({@link PlatformMode}) move this one to an
 * instant of their choice, from which it runs on at the system clock's pace (scheduled deliveries
 * on a day of the worked example).
 */
@ApplicationScoped
public class PlatformClock {

  @Inject PlatformMode mode;

  private final Shifted clock = new Shifted();

  @Produces
  @ApplicationScoped
  Clock clock() {
    return clock;
  }

  /** Moves the clock so that it reads {@code now} at once; development mode only. */
  public void set(Instant now) {
    if (mode.production()) {
      throw new IllegalStateException("the clock is set only in development mode");
    }
    clock.offset = Duration.between(Instant.now(), now);
  }

  /** The system clock again. */
  public void reset() {
    clock.offset = Duration.ZERO;
  }

  /** The system clock in UTC, shifted by an offset that is zero unless set. */
  private static final class Shifted extends Clock {
    volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
      Duration shift = offset;
      Instant now = Instant.now();
      return shift.isZero() ? now : now.plus(shift);
    }
  }
}
