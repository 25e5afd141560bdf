package com.conversation24.app.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The month the tests look at: March 2026 (with the European DST change), default size. */
final class SimulatedMonth {

  static final SimulationPlan PLAN = SimulationPlan.days(7, LocalDate.of(2026, 3, 1), 31);

  private static List<String> lines;

  private SimulatedMonth() {}

  static synchronized List<String> lines() {
    if (lines == null) {
      lines = List.copyOf(generate(PLAN));
    }
    return lines;
  }

  static List<String> generate(SimulationPlan plan) {
    List<String> out = new ArrayList<>();
    try {
      Simulator.simulate(plan, out::add, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
