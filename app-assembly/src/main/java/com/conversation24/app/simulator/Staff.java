package com.conversation24.app.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * An agent while the simulation runs: when it is online (the windows inside its shifts, breaks
 * left out, in all of its campaigns at once) and which chats it holds, to route new chats to an
 * agent that is online and below its capacity.
 */
final class Staff {

  private final Operation.Agent agent;
  private final List<long[]> online = new ArrayList<>();
  private final List<long[]> holds = new ArrayList<>();

  Staff(Operation.Agent agent) {
    this.agent = agent;
  }

  Operation.Agent agent() {
    return agent;
  }

  /** Windows must be added in time order. */
  void online(long from, long to) {
    if (to > from) {
      online.add(new long[] {from, to});
    }
  }

  /** The end of the online window holding {@code t}, or {@code Long.MIN_VALUE} when offline. */
  long onlineUntil(long t) {
    int lo = 0;
    int hi = online.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long[] w = online.get(mid);
      if (t < w[0]) {
        hi = mid - 1;
      } else if (t >= w[1]) {
        lo = mid + 1;
      } else {
        return w[1];
      }
    }
    return Long.MIN_VALUE;
  }

  /** A receipt held from {@code from} until {@code to}. */
  void hold(long from, long to) {
    if (holds.size() > 64) {
      long old = from - 6 * 3_600_000L;
      holds.removeIf(h -> h[1] < old);
    }
    holds.add(new long[] {from, to});
  }

  /** Chats held at {@code t}. */
  int load(long t) {
    int n = 0;
    for (long[] h : holds) {
      if (h[0] <= t && t < h[1]) {
        n++;
      }
    }
    return n;
  }
}
