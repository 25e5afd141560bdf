package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.api.RebuildStarted;
import com.conversation24.campaigns.ingest.spi.EventAccepted;
import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Takes a batch of events into the log and hands the accepted ones to the contexts, all in one
 * transaction ({@link BatchCommit}). Two batches carrying the same new id at once both find it
 * absent; the later insert then fails on the log's unique key (or InnoDB picks it as a deadlock
 * victim) and its transaction rolls back. On Galera the loser may only learn it at commit, when
 * its write-set fails certification against a batch committed on another node (decision 28).
 * Judging that batch again against the committed log answers duplicate or conflict for those lines
 * instead of a server error.
 */
@ApplicationScoped
public class IngestionService {

  private static final int REPLAY_PAGE = 2_000;

  /**
   * Each retry follows a commit of a rival batch, so a few suffice on one server; on Galera,
   * batches writing the same rows (an agent's shifts, a quarter's counts) through several nodes
   * lose to each other again and again while their clients keep sending, so the pause before each
   * retry doubles ({@link #FIRST_PAUSE_MILLIS}, at most {@link #LONGEST_PAUSE_MILLIS}, randomised)
   * until rivals have drawn apart: about 9 s of pauses in all before a batch is given up.
   */
  private static final int ATTEMPTS = 12;

  private static final long FIRST_PAUSE_MILLIS = 10;

  private static final long LONGEST_PAUSE_MILLIS = 2_000;

  private static final int DUPLICATE_KEY = 1062;

  private static final int DEADLOCK = 1213;

  private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());

  @Inject Clock clock;

  @Inject Instance<EventDecoder> decoderBeans;

  @Inject EventLog log;

  @Inject BatchCommit commit;

  @Inject Event<EventsAccepted> accepted;

  @Inject Event<RebuildStarted> rebuildStarted;


  private final BatchLimits limits = BatchLimits.ofTheSpec();

  private EventBatchReader reader;

  private EventDecoders decoders;

  @PostConstruct
  void prepare() {
    List<EventDecoder> all = decoderBeans.stream().toList();
    reader = new EventBatchReader(clock, all);
    decoders = new EventDecoders(all);
  }

  /** An {@code application/x-ndjson} body. */
  public IngestAnswer ingestNdjson(byte[] body) {
    return ingest(body, reader::readNdjson);
  }

  /**
   * An {@code application/json} body.
   *
   * @throws com.conversation24.campaigns.ingest.application.MalformedBatchException when it is not one
   *     JSON array
   */
  public IngestAnswer ingestJsonArray(byte[] body) {
    return ingest(body, reader::readJsonArray);
  }

  /** Forgets every context's facts and derives them again from the whole log, in log order. */
  @Transactional
  public long rebuild() {
    rebuildStarted.fire(new RebuildStarted());
    long replayed = 0;
    long after = 0;
    for (List<EventLog.Logged> page = log.page(after, REPLAY_PAGE);
        !page.isEmpty();
        page = log.page(after, REPLAY_PAGE)) {
      List<EventAccepted> events = new ArrayList<>(page.size());
      for (EventLog.Logged row : page) {
        events.add(
            new EventAccepted(
                decoders.decode(row.envelope()), row.envelope(), row.seq()));
        after = row.seq();
      }
      accepted.fire(new EventsAccepted(events));
      replayed += page.size();
    }
    return replayed;
  }

  private IngestAnswer ingest(byte[] body, Function<byte[], List<IngestLine>> read) {
    List<IngestLine> lines = read.apply(body);
    limits.checkCount(lines);
    for (int attempt = 1; ; attempt++) {
      try {
        return commit.judgeAndApply(lines);
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !lostARace(e)) {
          throw e;
        }
        LOG.fine(() -> "batch lost a race on the event log, judging it again: " + e);
        // Apart, and further each time, so that rivals retrying at once do not meet again.
        long pause = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << (attempt - 1));
        pause(pause / 2 + ThreadLocalRandom.current().nextLong(pause));
      }
    }
  }

  /**
   * A unique-key violation or a deadlock anywhere in the causes (JDBC batches chain them), or a
   * failed commit. Payara reports a commit that the database refused (Galera's failed
   * certification, a deadlock) as a {@code SystemException} caused by an {@link XAException} that
   * keeps the driver's error only as text. Judging the batch again is right whatever the commit's
   * outcome was: had it committed, its events are duplicates now.
   */
  static boolean lostARace(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof XAException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        if (sql.getErrorCode() == DUPLICATE_KEY
            || sql.getErrorCode() == DEADLOCK
            || "40001".equals(sql.getSQLState())) {
          return true;
        }
        if (sql.getNextException() != null) {
          todo.push(sql.getNextException());
        }
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        todo.push(suppressed);
      }
    }
    return false;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while judging a batch again", e);
    }
  }
}
