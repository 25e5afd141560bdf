package com.conversation24.exports.jobs;

import com.conversation24.campaigns.ingest.api.EventLogHead;
import com.conversation24.campaigns.ingest.api.LogPosition;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.SchemaReady;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportFormat;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.ExportsBusyException;
import com.conversation24.exports.export.ForeignAccountException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.jobs.ExportJobRepository.Lapsed;
import com.conversation24.exports.jobs.ExportJobRepository.NewJob;
import com.conversation24.exports.reports.Report;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Export jobs (issue 18, decision 32): a report's file written in the background by the same
 * streaming export as {@code GET /api/exports/{report}}, into the database in chunks, so that any
 * member serves it with a manifest a client can check it against.
 *
 * <p>A job is queued in the database and claimed there by one member (a conditional UPDATE only
 * one wins), which holds it under a lease it renews every {@link #SWEEP}; every member's sweep
 * queues again, to start from scratch, a job whose lease ran out (its member stopped: a crash, a
 * kill -9, a lost database), at most {@link #ATTEMPTS} times, then fails it with the reason. An
 * orderly stop queues its running jobs at once. The sweep also starts queued jobs and deletes
 * jobs kept past {@code EXPORTS_JOB_KEEP_SECONDS}; all of it is idempotent, so members sweeping at
 * once do no harm.
 */
@ApplicationScoped
public class ExportJobs {

  private static final Logger LOG = Logger.getLogger(ExportJobs.class.getName());

  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration SWEEP = Duration.ofSeconds(2);
  static final int ATTEMPTS = 3;

  /** A job of the worked example ends in seconds, one of a million rows in a minute or so. */
  static final long RETRY_AFTER_SECONDS = 30;

  @Inject Clock clock;

  @Inject ExportService exports;

  @Inject ExportJobRepository jobs;

  @Inject EventLogHead eventLog;

  @Inject ManagedExecutorService tasks;

  @Inject ManagedScheduledExecutorService schedule;

  /** Stores a file's chunks while its export writes the next (the managed thread factory). */
  @Inject Executor executor;

  @Inject
  @ConfigProperty(name = "EXPORTS_JOB_LIMIT_PER_ACCOUNT", defaultValue = "2")
  int perAccount;

  @Inject
  @ConfigProperty(name = "EXPORTS_JOB_KEEP_SECONDS", defaultValue = "86400")
  long keepSeconds;

  @Inject
  @ConfigProperty(name = "EXPORTS_JOB_WORKERS", defaultValue = "2")
  int workers;

  /** This member, as a job's owner: its host and a process-unique part. */
  private final String owner = ClaimedWork.member();

  private final ClaimedWork<ExportJob> work =
      new ClaimedWork<>("export jobs", () -> workers, this::claimNext, this::run);
  private final Map<Long, Running> running = new ConcurrentHashMap<>();

  /** A job this member runs: its attempt, its rows so far, whether it was taken from it. */
  private static final class Running {
    final int attempt;
    final AtomicLong rows = new AtomicLong();
    volatile boolean lost;

    Running(int attempt) {
      this.attempt = attempt;
    }
  }

  /** Thrown into a job's export when its lease was lost: another member runs it now. */
  private static final class LostJobException extends RuntimeException {
    LostJobException(long id) {
      super("export job " + id + " was taken over by another member", null, false, false);
    }
  }

  void start(@Observes SchemaReady ready) {
    work.sweepEvery(schedule, SWEEP, this::sweep);
  }

  @PreDestroy
  void stop() {
    work.stop();
    try {
      int released = jobs.release(owner, "queued again: the member running it was stopped");
      if (released > 0) {
        LOG.info(() -> "export jobs: " + released + " running job(s) queued again at stop");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "export jobs: could not queue the running jobs again at stop", e);
    }
  }

  /**
   * Queues a job. Invalid input is an {@link InvalidInputException} naming the field (the
   * criteria's exactly as the export API's); a foreign account a {@link
   * ForeignAccountException}; one job too many for the account an {@link ExportsBusyException}.
   */
  public ExportJob submit(
      String reportName,
      Map<String, List<String>> parameters,
      String formatName,
      Requester requester) {
    if (reportName == null) {
      throw new InvalidInputException("report", "required");
    }
    Report report =
        Report.named(reportName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "report",
                        "one of "
                            + Arrays.stream(Report.values())
                                .map(Report::urlName)
                                .collect(Collectors.joining(", "))));
    ExportFormat format = format(formatName);
    ExportCriteria export = exports.criteria(report, parameters, requester);
    OptionalLong account = requester.operator() ? OptionalLong.empty() : requester.accountId();
    ExportJob job =
        jobs.add(
            new NewJob(
                account,
                requester.operator(),
                report.urlName(),
                format.name().toLowerCase(Locale.ROOT),
                JobCriteria.of(export).parameters(),
                export.fileName(format),
                clock.instant()));
    // Counted after the insert, the others' included: of two racing for the last place at least
    // one sees the other, so the limit is never passed (both may be told to retry).
    if (jobs.unfinished(account, requester.operator(), job.id()) >= perAccount) {
      jobs.delete(job.id());
      throw new ExportsBusyException(
          "already "
              + perAccount
              + " export jobs unfinished for this account; try again when one is done",
          RETRY_AFTER_SECONDS);
    }
    wake();
    return job;
  }

  /** The job, if this caller may see it. */
  public Optional<ExportJob> find(long id, Requester requester) {
    return jobs.byId(id).filter(job -> job.visibleTo(requester.operator(), requester.accountId()));
  }

  /** A job's criteria as its manifest shows them: resolved to instants. */
  public JobCriteria criteria(ExportJob job) {
    return JobCriteria.of(exportOf(job));
  }

  public ExportFormat formatOf(ExportJob job) {
    return format(job.format());
  }

  /** Bytes {@code first} to {@code last} (inclusive) of a done job's file, one chunk at a time. */
  public void copy(ExportJob job, long first, long last, OutputStream out) throws IOException {
    int chunk = JobFile.CHUNK_BYTES;
    for (long n = first / chunk; n <= last / chunk; n++) {
      byte[] data = jobs.chunk(job.id(), job.attempt(), (int) n);
      long start = n * chunk;
      int from = (int) Math.max(0, first - start);
      int to = (int) Math.min(data.length - 1L, last - start);
      out.write(data, from, to - from + 1);
    }
  }

  /** Starts workers on the managed executor, up to {@code EXPORTS_JOB_WORKERS}. */
  void wake() {
    work.wake(tasks);
  }

  private Optional<ExportJob> claimNext() {
    for (long id : jobs.queued(2 * workers)) {
      Instant now = clock.instant();
      Optional<ExportJob> claimed = jobs.claim(id, owner, now, now.plus(LEASE));
      if (claimed.isPresent()) {
        return claimed;
      }
    }
    return Optional.empty();
  }

  private void run(ExportJob job) {
    Running run = new Running(job.attempt());
    running.put(job.id(), run);
    try {
      jobs.deleteChunks(job.id());
      ExportCriteria export = exportOf(job);
      ExportFormat format = format(job.format());
      LogPosition ingested = eventLog.now();
      Instant takenAt = clock.instant();
      JobFile file =
          new JobFile(
              (n, data, length) -> {
                if (run.lost) {
                  throw new LostJobException(job.id());
                }
                jobs.writeChunk(job.id(), run.attempt, n, data, length);
              },
              executor);
      try {
        exports.write(export, format, file, run.rows::incrementAndGet);
        file.close();
      } catch (IOException | RuntimeException e) {
        file.abandon();
        throw e;
      }
      JobManifest manifest =
          new JobManifest(
              run.rows.get(),
              file.size(),
              file.sha256(),
              Report.CATALOGUE_VERSION,
              ingested,
              takenAt);
      Instant done = clock.instant();
      if (!jobs.finish(job.id(), run.attempt, owner, manifest, done, kept(done))) {
        LOG.info(() -> "export job " + job.id() + " was taken over before it was done here");
      }
    } catch (IOException | RuntimeException e) {
      if (run.lost) {
        LOG.info(() -> "export job " + job.id() + " stopped here: another member runs it now");
        return;
      }
      LOG.log(Level.WARNING, "export job " + job.id() + " failed", e);
      Instant now = clock.instant();
      jobs.fail(job.id(), run.attempt, owner, "the export failed: " + e.getMessage(), now, kept(now));
    } finally {
      running.remove(job.id());
    }
  }

  /**
   * Every {@link #SWEEP} on every member: renews this member's leases with their progress, queues
   * again (or fails) the jobs of members that stopped, starts queued jobs, deletes expired ones.
   * Never throws: a scheduled task that throws is not run again.
   */
  void sweep() {
    try {
      Instant now = clock.instant();
      running.forEach(
          (id, run) -> {
            if (!jobs.renew(id, run.attempt, owner, run.rows.get(), now.plus(LEASE))) {
              run.lost = true;
            }
          });
      for (Lapsed lapsed : jobs.lapsed(now, 20)) {
        if (lapsed.attempt() >= ATTEMPTS) {
          jobs.failLapsed(
              lapsed,
              now,
              "the member running it stopped " + ATTEMPTS + " times (crashed, killed or cut off"
                  + " from the database); not started again",
              kept(now));
        } else {
          jobs.requeue(
              lapsed,
              now,
              "started again from scratch: the member running it stopped (attempt "
                  + lapsed.attempt()
                  + ")");
        }
      }
      wake();
      for (long id : jobs.expired(now, 20)) {
        jobs.delete(id);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "export jobs: the sweep failed; next one in " + SWEEP, e);
    }
  }

  private ExportCriteria exportOf(ExportJob job) {
    Report report =
        Report.named(job.report())
            .orElseThrow(() -> new IllegalStateException("no report " + job.report()));
    Requester requester = new Requester(job.operator(), job.accountId());
    return exports.criteria(report, job.criteria(), requester);
  }

  private Instant kept(Instant from) {
    return from.plusSeconds(keepSeconds);
  }

  /** A format by its lower-case name: csv (when absent), json, ndjson. */
  public static ExportFormat format(String name) {
    if (name == null) {
      return ExportFormat.CSV;
    }
    for (ExportFormat format : ExportFormat.values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
        return format;
      }
    }
    throw new InvalidInputException(
        "format",
        "one of "
            + Arrays.stream(ExportFormat.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
