package com.conversation24.campaigns.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the application. Tests of figures pass their own {@link Clock}; the container
 * uses the system clock in UTC.
 */
@ApplicationScoped
public class PlatformClock {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
