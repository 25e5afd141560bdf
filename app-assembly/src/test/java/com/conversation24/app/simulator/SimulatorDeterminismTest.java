package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Same plan, same events: byte for byte, disorder included; another seed tells another story. */
class SimulatorDeterminismTest {

  private static final SimulationPlan WEEK =
      SimulationPlan.days(11, LocalDate.of(2026, 5, 4), 7).withDisorder(0.05, 0.02);

  @Test
  void theSameSeedGivesByteIdenticalOutput() throws IOException {
    byte[] first = bytes(WEEK);
    byte[] second = bytes(WEEK);

    assertThat(first.length).isGreaterThan(1_000_000);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesOtherEvents() throws IOException {
    SimulationPlan other =
        new SimulationPlan(12, WEEK.start(), WEEK.end(), WEEK.accounts(), WEEK.agentsPerAccount(), WEEK.scale(),
            WEEK.late(), WEEK.duplicates(), 0);

    assertThat(bytes(other)).isNotEqualTo(bytes(WEEK));
  }

  @Test
  void disorderMovesAndRepeatsLinesButNeverChangesTheEvents() {
    SimulationPlan inOrder = WEEK.withDisorder(0, 0);
    var ordered = SimulatedMonth.generate(inOrder);
    var disordered = SimulatedMonth.generate(WEEK);

    assertThat(disordered).isNotEqualTo(ordered);
    assertThat(new java.util.HashSet<>(disordered)).isEqualTo(new java.util.HashSet<>(ordered));
    assertThat(disordered.size()).isGreaterThan(ordered.size());
  }

  @Test
  void theLimitStopsAfterThatManyLines() {
    assertThat(SimulatedMonth.generate(WEEK.withLimit(1234))).hasSize(1234);
  }

  private static byte[] bytes(SimulationPlan plan) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.simulate(plan, NdjsonFile.of(out), false);
    return out.toByteArray();
  }
}
