package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.StoredEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The durable log of every accepted event, in arrival order ({@code seq}): the source of truth
 * from which the contexts' facts can be rebuilt. Plain JDBC, which joins the caller's transaction.
 */
@ApplicationScoped
public class EventLog {

  @Inject DataSource dataSource;

  /**
   * The fingerprints of the events stored under these ids, in one query. Computed from the stored
   * rows rather than stored beside them (decision 43): a hash is the least compressible thing a row
   * would hold, and an id is met again only when an event is resent or its id reused.
   */
  public Map<String, String> fingerprintsOf(Collection<String> ids) {
    return byEventId(
        StoredEnvelope.COLUMNS,
        ids,
        rows -> ContentFingerprint.of(StoredEnvelope.read(rows, 2)).value());
  }

  /** Columns of the log's rows of these event ids, by event id, in one query. */
  private <T> Map<String, T> byEventId(String columns, Collection<String> ids, Cell<T> cell) {
    Map<String, T> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    String sql =
        "SELECT l.event_id, "
            + columns
            + " FROM campaigns_event_log l WHERE l.event_id IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (String id : ids) {
        statement.setString(i++, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), cell.of(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the event log", e);
    }
    return found;
  }

  /** What a row of {@link #byEventId} gives, from its columns after the event id. */
  private interface Cell<T> {
    T of(ResultSet rows) throws SQLException;
  }

  /**
   * Appends in the given order, as one JDBC batch.
   *
   * @return the log's row ({@code seq}) of each event, by event id
   */
  public Map<String, Long> append(List<Entry> entries, Instant receivedAt) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    String sql =
        "INSERT INTO campaigns_event_log"
            + " (event_id, type, at_ms, data, received_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    Timestamp received = Timestamp.from(receivedAt);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Entry entry : entries) {
        EventEnvelope envelope = entry.envelope();
        statement.setString(1, envelope.id());
        statement.setString(2, envelope.type());
        statement.setLong(3, envelope.at().toEpochMilli());
        statement.setString(4, entry.stored());
        statement.setTimestamp(5, received);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not append to the event log", e);
    }
    // Read back rather than from the batch's generated keys: with interleaved auto-increment
    // (Galera) a batch's ids are neither consecutive nor reported for every row by every driver.
    return seqsOf(entries.stream().map(e -> e.envelope().id()).toList());
  }

  /** The log's row of each of these event ids, in one query. */
  private Map<String, Long> seqsOf(Collection<String> ids) {
    return byEventId("l.seq", ids, rows -> rows.getLong(2));
  }

  /**
   * Up to {@code limit} envelopes after {@code afterSeq}, in log order, read completely: the
   * caller writes on the same connection between pages, which a streaming result would not allow.
   */
  public List<Logged> page(long afterSeq, int limit) {
    List<Logged> page = new ArrayList<>(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT seq, " + StoredEnvelope.COLUMNS + " FROM campaigns_event_log l"
                    + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
      statement.setLong(1, afterSeq);
      statement.setInt(2, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          page.add(new Logged(rows.getLong(1), StoredEnvelope.read(rows, 2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the event log", e);
    }
    return page;
  }

  /** One row of the log as read: its seq and the envelope. */
  public record Logged(long seq, EventEnvelope envelope) {}

  /** One row to append: the accepted event's envelope and its stored form. */
  public record Entry(EventEnvelope envelope, String stored) {}
}
