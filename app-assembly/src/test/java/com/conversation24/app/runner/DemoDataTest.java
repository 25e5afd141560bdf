package com.conversation24.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Runners started together against one database load one fortnight, not one each. */
class DemoDataTest {

  @Test
  void startsWithinOneHourSimulateTheSamePlanSoTheLaterOnesEventsAreDuplicates() {
    var first = DemoData.plan(Instant.parse("2026-03-15T10:02:11.123Z"));
    var second = DemoData.plan(Instant.parse("2026-03-15T10:57:40Z"));
    assertThat(second.runKey()).isEqualTo(first.runKey());
    assertThat(second.end()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
  }

  @Test
  void theNextHourIsAnotherPlan() {
    assertThat(DemoData.plan(Instant.parse("2026-03-15T11:00:00Z")).runKey())
        .isNotEqualTo(DemoData.plan(Instant.parse("2026-03-15T10:59:59Z")).runKey());
  }
}
