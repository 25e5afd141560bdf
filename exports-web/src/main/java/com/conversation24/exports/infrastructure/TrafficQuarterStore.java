package com.conversation24.exports.infrastructure;

import com.conversation24.exports.reports.timelines.QuarterHours;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.exports.reports.traffic.TrafficCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Traffic and invite outcomes counted per quarter hour and entry point, {@code
 * exports_traffic_quarter}: counts are added in the ingesting transaction; the chats are the
 * Conversations projection's starts, counted when read.
 */
@ApplicationScoped
public class TrafficQuarterStore {

  /** The counters kept in the table, in column order; chats are counted from the conversations. */
  private static final List<TrafficCounter> KEPT =
      Arrays.stream(TrafficCounter.values())
          .filter(c -> c != TrafficCounter.CHATS)
          .toList();

  private static final List<String> COLUMNS =
      KEPT.stream().map(TrafficQuarterStore::column).toList();

  private static final String ADD =
      "INSERT INTO exports_traffic_quarter (quarter_start_ms, entry_point_id, "
          + String.join(", ", COLUMNS)
          + ") VALUES (?, ?, "
          + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
          + ") ON DUPLICATE KEY UPDATE "
          + COLUMNS.stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").collect(Collectors.joining(", "));

  private static final String READ =
      "SELECT quarter_start_ms, entry_point_id, "
          + String.join(", ", COLUMNS)
          + " FROM exports_traffic_quarter WHERE quarter_start_ms >= ? AND quarter_start_ms < ?";

  private static final String CHATS =
      "SELECT FLOOR(started_at_ms / " + QuarterHours.MILLIS + ") AS quarter, entry_point_id, COUNT(*)"
          + " FROM exports_conversation WHERE started_at_ms >= ? AND started_at_ms < ?"
          + " GROUP BY quarter, entry_point_id";

  /** A quarter hour of one entry point. */
  private record Quarter(long startMs, long entryPointId) {}

  private static final Comparator<Quarter> LOCK_ORDER =
      Comparator.comparingLong(Quarter::startMs).thenComparingLong(Quarter::entryPointId);

  @Inject DataSource dataSource;

  /**
   * Adds the tallies to their quarters; joins the transaction. Rows are written in key order, so
   * two batches adding to the same quarters lock them in the same order.
   */
  public void add(Collection<EntryPointTally> tallies) {
    Map<Quarter, Map<TrafficCounter, Long>> quarters = new TreeMap<>(LOCK_ORDER);
    for (EntryPointTally tally : tallies) {
      if (tally.counter() != TrafficCounter.CHATS) {
        quarters
            .computeIfAbsent(
                new Quarter(QuarterHours.startOf(tally.at()), tally.entryPointId()),
                q -> new EnumMap<>(TrafficCounter.class))
            .merge(tally.counter(), tally.count(), Long::sum);
      }
    }
    if (quarters.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ADD)) {
      for (Map.Entry<Quarter, Map<TrafficCounter, Long>> quarter : quarters.entrySet()) {
        statement.setLong(1, quarter.getKey().startMs());
        statement.setLong(2, quarter.getKey().entryPointId());
        for (int i = 0; i < KEPT.size(); i++) {
          statement.setLong(3 + i, quarter.getValue().getOrDefault(KEPT.get(i), 0L));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not count traffic in " + quarters.size() + " quarters", e);
    }
  }

  public void clear() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM exports_traffic_quarter");
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear the traffic counts", e);
    }
  }

  /**
   * The counts of the quarter hours that start in {@code [from, to)}, chats included, one tally per
   * counter above zero, at the quarter's start.
   */
  public List<EntryPointTally> tallies(Instant from, Instant to) {
    List<EntryPointTally> tallies = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(READ)) {
        statement.setLong(1, from.toEpochMilli());
        statement.setLong(2, to.toEpochMilli());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Instant start = Instant.ofEpochMilli(rows.getLong(1));
            long entryPointId = rows.getLong(2);
            for (int i = 0; i < KEPT.size(); i++) {
              long count = rows.getLong(3 + i);
              if (count > 0) {
                tallies.add(new EntryPointTally(entryPointId, start, KEPT.get(i), count));
              }
            }
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(CHATS)) {
        statement.setLong(1, from.toEpochMilli());
        statement.setLong(2, to.toEpochMilli());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            tallies.add(
                new EntryPointTally(
                    rows.getLong(2),
                    Instant.ofEpochMilli(rows.getLong(1) * QuarterHours.MILLIS),
                    TrafficCounter.CHATS,
                    rows.getLong(3)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the traffic counts", e);
    }
    return tallies;
  }

  /** {@code visits}, ..., {@code invites_no_availability}. */
  private static String column(TrafficCounter counter) {
    return counter.name().toLowerCase(Locale.ROOT).replaceFirst("^invite_", "invites_");
  }
}
