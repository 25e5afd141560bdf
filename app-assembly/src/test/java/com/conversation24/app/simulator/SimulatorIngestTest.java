package com.conversation24.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everything the simulator writes passes the server's own ingestion rules: zero rejections. */
class SimulatorIngestTest {

  @Test
  void everyEventOfTheMonthIsAccepted() {
    List<String> lines = SimulatedMonth.lines();

    Ingested answer = Ingested.of(lines, SimulatedMonth.PLAN.end().plus(1, ChronoUnit.DAYS));

    assertThat(answer.rejected()).isEmpty();
    assertThat(answer.duplicates()).isZero();
    assertThat(answer.accepted()).isEqualTo(lines.size());
  }

  @Test
  void lateAndDuplicateDeliveryGivesDuplicatesButNoRejection() {
    SimulationPlan week = SimulationPlan.days(5, LocalDate.of(2026, 10, 19), 7).withDisorder(0.1, 0.05);
    List<String> lines = SimulatedMonth.generate(week);
    int distinct = new HashSet<>(lines).size();

    Ingested answer = Ingested.of(lines, week.end().plus(1, ChronoUnit.HOURS));

    assertThat(answer.rejected()).isEmpty();
    assertThat(answer.accepted()).isEqualTo(distinct);
    assertThat(answer.duplicates()).isEqualTo(lines.size() - distinct).isPositive();
  }

  @Test
  void dataEndingNowIsNeverInTheFutureOfTheServerClock() {
    Instant now = Instant.now();
    SimulationPlan recent =
        SimulationPlan.days(3, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(2), 3).until(now);
    List<String> lines = SimulatedMonth.generate(recent);

    Ingested answer = Ingested.of(lines, now);

    assertThat(lines).isNotEmpty();
    assertThat(answer.rejected()).isEmpty();
    assertThat(answer.events()).allSatisfy(e -> assertThat(e.at()).isBefore(now));
  }
}
