package com.conversation24.app.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import net.javacrumbs.shedlock.support.LockException;

/**
 * Lets one member at a time do the start-up work (migrations, the operator bootstrap) when several
 * start against one database. The lock is a committed row (ShedLock), not a server lock: Galera
 * replicates rows to every node, while {@code GET_LOCK} (Flyway's own lock) and {@code LOCK TABLES}
 * stay on the node that took them, so members connected to two nodes would both migrate. Two
 * members taking the lock at once on two nodes both write its row; Galera lets one commit and the
 * other fails certification, and tries again a moment later.
 *
 * <p>The holder keeps the lock alive while it works ({@link #LEASE}, renewed every half); a member
 * killed while holding it blocks the others for one lease at most. The row's times come from the
 * members' clocks: run the members in one time zone (UTC).
 */
final class StartupLock {

  static final String TABLE = "platform_start_lock";
  static final String NAME = "start-up";
  static final Duration LEASE = Duration.ofSeconds(30);
  /** A migration of a large table can take long; past this a member gives up and fails to start. */
  static final Duration PATIENCE = Duration.ofMinutes(30);

  private static final Duration PAUSE = Duration.ofMillis(500);
  private static final Logger LOG = Logger.getLogger(StartupLock.class.getName());

  private final DataSource dataSource;
  private final ScheduledExecutorService keepAlive;

  StartupLock(DataSource dataSource, ScheduledExecutorService keepAlive) {
    this.dataSource = dataSource;
    this.keepAlive = keepAlive;
  }

  /** Runs the work while this member holds the lock, waiting for its turn first. */
  void runAlone(Runnable work) {
    createTable();
    KeepAliveLockProvider locks =
        new KeepAliveLockProvider(new JdbcLockProvider(dataSource, TABLE), keepAlive);
    Instant deadline = Instant.now().plus(PATIENCE);
    boolean waited = false;
    while (true) {
      Optional<SimpleLock> lock = take(locks);
      if (lock.isPresent()) {
        if (waited) {
          LOG.info("start-up: the other members are done, starting up");
        }
        try {
          work.run();
        } finally {
          lock.get().unlock();
        }
        return;
      }
      if (!waited) {
        LOG.info("start-up: another member is migrating or bootstrapping, waiting for it");
        waited = true;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "start-up: the start-up lock (" + TABLE + ") stayed taken for " + PATIENCE);
      }
      pause();
    }
  }

  private static Optional<SimpleLock> take(KeepAliveLockProvider locks) {
    try {
      return locks.lock(new LockConfiguration(Instant.now(), NAME, LEASE, Duration.ZERO));
    } catch (LockException lostARace) {
      // Another member wrote the row at the same moment (a deadlock, or on Galera a failed
      // certification): it holds the lock now.
      LOG.fine(() -> "start-up lock taken by another member meanwhile: " + lostARace);
      return Optional.empty();
    }
  }

  /** The lock's table comes before any migration can run, so it cannot be one of them. */
  private void createTable() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (name VARCHAR(64) NOT NULL PRIMARY KEY, lock_until DATETIME(3) NOT NULL,"
              + " locked_at DATETIME(3) NOT NULL, locked_by VARCHAR(255) NOT NULL)"
              + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("start-up: cannot create " + TABLE, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("start-up interrupted while waiting for the lock", e);
    }
  }
}
