package com.conversation24.exports.feed;

import com.conversation24.campaigns.ingest.api.RebuildStarted;
import com.conversation24.campaigns.ingest.api.RecordingOpened;
import com.conversation24.campaigns.ingest.api.RecordingSealed;
import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.Sql;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Numbers the ingesting transactions in the order they commit (decision 31). Before the contexts
 * record a batch, the transaction gets a batch id (the session variable the stores' triggers
 * write into every change entry); after the last of them, as the transaction's last statement, it
 * takes the next number from its database server's clock row and gives it to its entries. The
 * clock row's lock is held until commit, so the next transaction gets its number only after this
 * one committed: a reader that sees number n of a clock sees every number before it, and a cursor
 * never skips a transaction that committed late.
 */
@ApplicationScoped
public class FeedClock {

  /**
   * A rebuild's clearing of the stores: before and after every other observer's, which have the
   * default priority ({@code ObserverMethod.DEFAULT_PRIORITY}, APPLICATION + 500).
   */
  static final int REBUILD_OPEN = Interceptor.Priority.APPLICATION;

  static final int REBUILD_SEAL = Interceptor.Priority.APPLICATION + 2_000;

  /** The database server a statement runs on, as SQL. */
  private static final String THIS_SERVER = "CONCAT(@@hostname, ':', @@port)";

  @Inject DataSource dataSource;

  @Inject Instance<ReportRows<?>> homes;

  private final List<String> changeTables = new ArrayList<>();

  @PostConstruct
  void findChangeTables() {
    for (ReportRows<?> home : homes) {
      home.feed().map(FeedSource::changeTable).ifPresent(changeTables::add);
    }
  }

  void open(@Observes RecordingOpened batch) {
    open();
  }

  void seal(@Observes RecordingSealed batch) {
    seal();
  }

  void openRebuild(@Observes @Priority(REBUILD_OPEN) RebuildStarted rebuild) {
    open();
  }

  void sealRebuild(@Observes @Priority(REBUILD_SEAL) RebuildStarted rebuild) {
    seal();
  }

  private void open() {
    Sql.update(
        dataSource,
        "SET @exports_feed_batch = ?",
        List.of(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
  }

  /**
   * The next number of this database server's clock, given to this batch's entries; joins the
   * transaction. On Galera each node has its own clock (host and port), so that transactions
   * written through different nodes never conflict on one row: a node's numbers follow the order
   * its transactions commit in, which every node applies them in.
   */
  private void seal() {
    Sql.update(
        dataSource,
        "INSERT INTO exports_feed_clock (clock, seq) VALUES (" + THIS_SERVER + ", 1)"
            + " ON DUPLICATE KEY UPDATE seq = seq + 1",
        List.of());
    Sql.update(
        dataSource,
        "SET @exports_feed_seq = (SELECT seq FROM exports_feed_clock WHERE clock = "
            + THIS_SERVER
            + ")",
        List.of());
    for (String table : changeTables) {
      Sql.update(
          dataSource,
          "UPDATE " + table + " SET clock = " + THIS_SERVER + ", seq = @exports_feed_seq"
              + " WHERE batch_id = @exports_feed_batch",
          List.of());
    }
    // A later write on this pooled connection outside a batch fails instead of joining this one.
    Sql.update(dataSource, "SET @exports_feed_batch = NULL", List.of());
  }

  /** The clocks there are, by name. */
  List<String> clocks() {
    return Sql.list(
        dataSource, "SELECT clock FROM exports_feed_clock ORDER BY clock", List.of(), r -> r.getString(1));
  }

  /** The secret that signs cursors: one for every member, kept with the clock. */
  byte[] secret() {
    Optional<byte[]> secret =
        Sql.list(
                dataSource,
                "SELECT secret FROM exports_feed_secret WHERE id = 1",
                List.of(),
                r -> r.getBytes(1))
            .stream()
            .findFirst();
    return secret.orElseThrow(() -> new IllegalStateException("no feed secret"));
  }
}
