package com.conversation24.exports.export;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps exports from taking the database and the request threads from everything else (decision
 * 23). An export holds a database connection, a read-ahead thread and a request thread for as
 * long as its client reads; so at most {@code EXPORTS_EXPORT_LIMIT_PER_ACCOUNT} run at once per
 * account and {@code EXPORTS_EXPORT_LIMIT_TOTAL} in all (a few of the pool's 32 connections),
 * and the others are refused before their first byte with 429 ({@link ExportsBusyException}).
 * An admitted export whose client has read nothing for {@code EXPORTS_EXPORT_STALL_SECONDS}, or
 * that has run for {@code EXPORTS_EXPORT_MAX_SECONDS}, is ended as a broken transfer, which
 * frees what it held.
 *
 * <p>Counted in this member's memory: each member guards its own pool and threads, which is what
 * the limit is for.
 */
@ApplicationScoped
public class ExportAdmission {

  private static final Logger LOG = Logger.getLogger(ExportAdmission.class.getName());

  /** Writes an export's rows to the stream it is given. */
  @FunctionalInterface
  public interface Writing {
    void to(OutputStream out) throws IOException;
  }

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "EXPORTS_EXPORT_LIMIT_PER_ACCOUNT", defaultValue = "2")
  int perAccount;

  @Inject
  @ConfigProperty(name = "EXPORTS_EXPORT_LIMIT_TOTAL", defaultValue = "8")
  int total;

  @Inject
  @ConfigProperty(name = "EXPORTS_EXPORT_STALL_SECONDS", defaultValue = "60")
  long stallSeconds;

  @Inject
  @ConfigProperty(name = "EXPORTS_EXPORT_MAX_SECONDS", defaultValue = "3600")
  long maxSeconds;

  private final Map<String, Integer> running = new ConcurrentHashMap<>();
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private int runningInAll;
  private ScheduledExecutorService watchdog;

  @PostConstruct
  void start() {
    watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "export-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.scheduleWithFixedDelay(this::endStalled, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    watchdog.shutdownNow();
  }

  /**
   * Runs the export if there is room, on this thread.
   *
   * @param export counted against the accounts it covers (an operator's unrestricted one: the
   *     platform's own count)
   * @param breakTransfer drops the client's connection (a stalled or overlong export)
   * @throws ExportsBusyException before anything is written, when there is no room
   */
  public void write(
      ExportCriteria export, OutputStream out, Runnable breakTransfer, Writing writing)
      throws IOException {
    String account = accountOf(export);
    admit(account);
    Watched stream = new Watched(out, breakTransfer, clock);
    watched.add(stream);
    try {
      writing.to(stream);
    } finally {
      watched.remove(stream);
      release(account);
    }
  }

  static String accountOf(ExportCriteria export) {
    return export
        .criteria()
        .scope()
        .accounts()
        .map(ids -> ids.stream().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("none"))
        .orElse("all");
  }

  private synchronized void admit(String account) {
    if (runningInAll >= total) {
      throw new ExportsBusyException(
          "already " + total + " exports running; try again shortly", retryAfterSeconds());
    }
    int mine = running.getOrDefault(account, 0);
    if (mine >= perAccount) {
      throw new ExportsBusyException(
          "already " + perAccount + " exports running for this account; try again when one ends",
          retryAfterSeconds());
    }
    running.put(account, mine + 1);
    runningInAll++;
  }

  private synchronized void release(String account) {
    running.computeIfPresent(account, (key, n) -> n <= 1 ? null : n - 1);
    runningInAll--;
  }

  /** Exports end within seconds unless a reader is slow; a few seconds is a fair first guess. */
  private static long retryAfterSeconds() {
    return 10;
  }

  void endStalled() {
    Instant now = clock.instant();
    for (Watched export : watched) {
      String why = export.overdue(now, Duration.ofSeconds(stallSeconds), Duration.ofSeconds(maxSeconds));
      if (why != null && export.end()) {
        LOG.warning(() -> "export ended as a broken transfer: " + why);
        export.breakTransfer.run();
      }
    }
  }

  /** The export's stream, noting when its client last took bytes. */
  private static final class Watched extends FilterOutputStream {

    private final Runnable breakTransfer;
    private final Clock clock;
    private final Instant started;
    private volatile Instant progress;
    private volatile boolean writing;
    private boolean ended;

    Watched(OutputStream out, Runnable breakTransfer, Clock clock) {
      super(out);
      this.breakTransfer = breakTransfer;
      this.clock = clock;
      this.started = clock.instant();
      this.progress = started;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writing = true;
      try {
        out.write(b, off, len);
      } finally {
        writing = false;
        progress = clock.instant();
      }
    }

    @Override
    public void flush() throws IOException {
      writing = true;
      try {
        out.flush();
      } finally {
        writing = false;
        progress = clock.instant();
      }
    }

    /** Why it must end now, or null. Only a write that blocks counts as a stall, not a read. */
    String overdue(Instant now, Duration stall, Duration longest) {
      if (writing && Duration.between(progress, now).compareTo(stall) > 0) {
        return "its client read nothing for " + stall.toSeconds() + " s";
      }
      if (Duration.between(started, now).compareTo(longest) > 0) {
        return "it ran longer than " + longest.toSeconds() + " s";
      }
      return null;
    }

    synchronized boolean end() {
      boolean first = !ended;
      ended = true;
      return first;
    }
  }
}
