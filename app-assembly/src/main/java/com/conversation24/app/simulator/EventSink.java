package com.conversation24.app.simulator;

/** Where a simulation's events go, in EVENTS.md order (at, then id). */
public interface EventSink {

  void accept(SimulatedEvent event);

  /** True when the sink wants no more events (a line limit was reached). */
  default boolean full() {
    return false;
  }

  /** How much of the simulated period is done, from 0 to 1. */
  default void progressed(double fraction) {}
}
