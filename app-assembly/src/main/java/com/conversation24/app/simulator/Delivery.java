package com.conversation24.app.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Delivers the events of a simulation as NDJSON lines, the way a real platform does when asked:
 * a share arrives late (after events up to six hours younger, so out of order) and a share arrives
 * twice; with neither, in EVENTS.md order. Stops at the plan's line limit. Its draws come from
 * their own stream, so disorder never changes the events themselves.
 */
final class Delivery implements EventSink {

  private static final long MINUTE = 60_000;

  private record Held(long release, long seq, SimulatedEvent event) {}

  private final SimulationPlan plan;
  private final NdjsonOutput out;
  private final ProgressBar progress;
  private final SplittableRandom random;
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(Comparator.comparingLong(Held::release).thenComparingLong(Held::seq));
  private long seq;
  private long written;

  Delivery(SimulationPlan plan, NdjsonOutput out, ProgressBar progress) {
    this.plan = plan;
    this.out = out;
    this.progress = progress;
    this.random = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
  }

  @Override
  public void accept(SimulatedEvent event) {
    release(event.at());
    if (plan.late() > 0 && random.nextDouble() < plan.late()) {
      held.add(new Held(event.at() + MINUTE + random.nextLong(6 * 60 * MINUTE), seq++, event));
    } else {
      send(event);
    }
    if (plan.duplicates() > 0 && random.nextDouble() < plan.duplicates()) {
      held.add(new Held(event.at() + random.nextLong(2 * 60 * MINUTE), seq++, event));
    }
  }

  @Override
  public boolean full() {
    return plan.limit() > 0 && written >= plan.limit();
  }

  @Override
  public void progressed(double fraction) {
    progress.show(fraction, written);
  }

  /** Delivers whatever is still held back; returns the lines written. */
  long finish() {
    release(Long.MAX_VALUE);
    progress.done(written);
    return written;
  }

  private void release(long upTo) {
    while (!held.isEmpty() && held.peek().release() <= upTo) {
      send(held.poll().event());
    }
  }

  private void send(SimulatedEvent event) {
    if (full()) {
      return;
    }
    try {
      out.write(NdjsonLine.of(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written++;
  }
}
