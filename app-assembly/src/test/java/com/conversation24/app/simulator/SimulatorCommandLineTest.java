package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: its options, its defaults, and that nothing it makes lies in the future. */
class SimulatorCommandLineTest {

  private static final Instant NOW = Instant.parse("2026-06-10T14:30:00Z");

  @Test
  void byDefaultTheLastDaysUpToNow() {
    SimulationPlan plan = Simulator.plan(Simulator.options(new String[] {"--days", "3"}), NOW);

    assertThat(plan.start()).isEqualTo(Instant.parse("2026-06-08T00:00:00Z"));
    assertThat(plan.end()).isEqualTo(NOW);
    assertThat(plan.seed()).isEqualTo(SimulationPlan.DEFAULT_SEED);
    assertThat(plan.accounts()).isEqualTo(4);
    assertThat(plan.agentsPerAccount()).isEqualTo(6);
  }

  @Test
  void everyOptionReachesThePlan() {
    SimulationPlan plan =
        Simulator.plan(
            Simulator.options(
                new String[] {
                  "--seed=9", "--start", "2026-01-01", "--days", "10", "--accounts", "7", "--agents", "3",
                  "--scale", "0.25", "--late", "0.1", "--duplicates", "0.02", "--limit", "500"
                }),
            NOW);

    assertThat(plan)
        .isEqualTo(
            new SimulationPlan(9, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"), 7, 3,
                0.25, 0.1, 0.02, 500));
  }

  @Test
  void unknownOptionsAndAStartInTheFutureAreRefused() {
    assertThatThrownBy(() -> Simulator.options(new String[] {"--sed", "1"})).hasMessageContaining("--sed");
    assertThatThrownBy(() -> Simulator.plan(Simulator.options(new String[] {"--start", "2026-06-11"}), NOW))
        .hasMessageContaining("--start");
  }

  @Test
  void writesTheFileNamedByOut(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("events.ndjson");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Simulator.run(
            new String[] {"--days", "1", "--quiet", "--out", file.toString()},
            Clock.fixed(NOW, ZoneOffset.UTC),
            Map.of(),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(Files.readAllLines(file)).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"sim-"));
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Wrote ");
  }

  @Test
  void needsOneOutput() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Simulator.run(new String[] {"--days", "1"}, Clock.fixed(NOW, ZoneOffset.UTC), Map.of(),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out FILE");
  }
}
