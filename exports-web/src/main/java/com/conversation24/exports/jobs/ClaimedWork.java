package com.conversation24.exports.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work kept in the database and claimed there by one member at a time (export jobs, deliveries):
 * up to a number of workers on the managed executor, each claiming and doing items until none is
 * left, and the member's sweep of that work (leases renewed, lapsed ones queued again, due ones
 * claimed) on a fixed delay. Waking is idempotent (a sweep and a new item may both wake the
 * workers) and never starts more than the limit; a stopped pool claims and sweeps nothing more.
 */
public final class ClaimedWork<T> {

  private static final Logger LOG = Logger.getLogger(ClaimedWork.class.getName());

  private final String what;
  private final IntSupplier workers;
  private final Supplier<Optional<T>> claimNext;
  private final Consumer<T> doOne;
  private final AtomicInteger busy = new AtomicInteger();
  private volatile boolean stopped;
  private ScheduledFuture<?> sweeping;

  /**
   * @param what the work in words, for the log
   * @param workers how many may run at once (read at each wake: configuration is injected later)
   * @param claimNext claims the next item in the database, or none when none is left
   * @param doOne does one claimed item
   */
  public ClaimedWork(
      String what, IntSupplier workers, Supplier<Optional<T>> claimNext, Consumer<T> doOne) {
    this.what = what;
    this.workers = workers;
    this.claimNext = claimNext;
    this.doOne = doOne;
  }

  /** This member as the owner of what it claims: its host and a part unique to the process. */
  public static String member() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + UUID.randomUUID();
  }

  /** Starts workers on {@code tasks} up to the limit. */
  public void wake(Executor tasks) {
    while (!stopped) {
      int now = busy.get();
      if (now >= workers.getAsInt()) {
        return;
      }
      if (busy.compareAndSet(now, now + 1)) {
        try {
          tasks.execute(this::work);
        } catch (RejectedExecutionException e) {
          busy.decrementAndGet();
          return;
        }
      }
    }
  }

  /** Runs {@code sweep} every {@code period} on {@code schedule} until {@link #stop}. */
  public void sweepEvery(ScheduledExecutorService schedule, Duration period, Runnable sweep) {
    sweeping =
        schedule.scheduleWithFixedDelay(sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void stop() {
    stopped = true;
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }

  private void work() {
    try {
      while (!stopped) {
        Optional<T> next = claimNext.get();
        if (next.isEmpty()) {
          return;
        }
        doOne.accept(next.get());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + ": a worker stopped", e);
    } finally {
      busy.decrementAndGet();
    }
  }
}
