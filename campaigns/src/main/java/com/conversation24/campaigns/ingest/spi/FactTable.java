package com.conversation24.campaigns.ingest.spi;

import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.StoredEnvelope;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The table in which one context keeps the events it owns: {@code seq} (its primary key, the event
 * log's {@code seq} of the event), {@code event_id}, {@code type} and {@code at_ms}. The event
 * itself is stored once, in the log ({@link StoredEnvelope}), joined on the log's primary key
 * when facts are read: an entity's index holds that key, so each fact costs one lookup in the
 * log. Every context's table has these columns, so the writing and reading is shared; each context
 * names its own table and owns its migration. A table may also keep an {@code entity_key}
 * (conversations: the session id) so that the facts of a few entities are read without reading
 * them all.
 */
public final class FactTable {

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z]+_[a-z_]+");

  private static final String LOCKING = " LOCK IN SHARE MODE";

  /** The event log, whose row of each fact holds the event (campaigns' V2__event_log.sql). */
  private static final String LOG = " JOIN campaigns_event_log l ON l.seq = f.seq";

  /** Entity keys per query of {@link #ofEntities}. */
  private static final int KEYS_PER_QUERY = 500;

  private final String name;
  private final String insert;
  private final String ownPackage;
  private final Function<PlatformEvent, Optional<String>> entityKey;

  /**
   * @param name the context's fact table
   * @param anyRecord one record of the context's api package: the context owns the records of
   *     that package
   */
  public FactTable(String name, Class<? extends PlatformEvent> anyRecord) {
    this(name, anyRecord, null);
  }

  /**
   * @param entityKey the key an event is filed under in the table's {@code entity_key} column
   */
  public FactTable(
      String name,
      Class<? extends PlatformEvent> anyRecord,
      Function<PlatformEvent, Optional<String>> entityKey) {
    if (!TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a table name: " + name);
    }
    this.name = name;
    this.ownPackage = anyRecord.getPackageName();
    this.entityKey = entityKey;
    this.insert =
        entityKey == null
            ? "INSERT INTO " + name + " (seq, event_id, type, at_ms) VALUES (?, ?, ?, ?)"
            : "INSERT INTO "
                + name
                + " (seq, event_id, type, at_ms, entity_key) VALUES (?, ?, ?, ?, ?)";
  }

  /**
   * Stores, with one JDBC batch, the accepted events that are this context's records. Joins the
   * caller's transaction when there is one (the container's datasource does).
   *
   * @return the events that were this context's, in the batch's order (the caller publishes them)
   */
  public List<PlatformEvent> recordOwned(DataSource dataSource, List<EventAccepted> batch) {
    List<EventAccepted> owned = new ArrayList<>();
    for (EventAccepted accepted : batch) {
      if (accepted.event().getClass().getPackageName().equals(ownPackage)) {
        owned.add(accepted);
      }
    }
    if (owned.isEmpty()) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      for (EventAccepted accepted : owned) {
        EventEnvelope envelope = accepted.envelope();
        statement.setLong(1, accepted.logSeq());
        statement.setString(2, envelope.id());
        statement.setString(3, envelope.type());
        statement.setLong(4, envelope.at().toEpochMilli());
        if (entityKey != null) {
          statement.setString(5, entityKey.apply(accepted.event()).orElse(null));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not store " + owned.size() + " events in " + name, e);
    }
    return owned.stream().map(EventAccepted::event).toList();
  }

  public void clear(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear " + name, e);
    }
  }

  /**
   * The stored events filed under these entity keys, in the order of EVENTS.md. Read {@link
   * #KEYS_PER_QUERY} keys at a time, so that any number of keys keeps each {@code IN (...)} short.
   */
  public List<PlatformEvent> ofEntities(
      DataSource dataSource, EventDecoders decoders, Collection<String> keys) {
    return ofEntities(dataSource, decoders, keys, false);
  }

  /**
   * The same, read as committed now: with {@code current}, a locking read that waits for the
   * batches in flight that store facts of these entities, so that what is derived from them in
   * the ingesting transaction misses none of them (a plain read sees the transaction's snapshot).
   */
  public List<PlatformEvent> ofEntities(
      DataSource dataSource, EventDecoders decoders, Collection<String> keys, boolean current) {
    if (entityKey == null) {
      throw new IllegalStateException(name + " keeps no entity key");
    }
    List<String> all = List.copyOf(keys);
    List<PlatformEvent> events = new ArrayList<>();
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      List<String> slice = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
      events.addAll(
          read(
              dataSource,
              decoders,
              "SELECT " + StoredEnvelope.COLUMNS + " FROM "
                  + name
                  + " f"
                  + LOG
                  + " WHERE f.entity_key IN ("
                  + placeholders(slice.size())
                  + ")"
                  + (current ? LOCKING : ""),
              slice));
    }
    events.sort(PlatformEvent.ORDER);
    return events;
  }

  /**
   * The stored events filed under these entity keys, each from its own instant on ({@code at_ms}
   * at or after the key's value), in the order of EVENTS.md: one query, one index range a key.
   * Read as committed now (a locking read, see {@link #ofEntities(DataSource, EventDecoders,
   * Collection, boolean)}).
   */
  public List<PlatformEvent> ofEntitiesSince(
      DataSource dataSource, EventDecoders decoders, Map<String, Long> fromMsByKey) {
    if (entityKey == null) {
      throw new IllegalStateException(name + " keeps no entity key");
    }
    List<Map.Entry<String, Long>> all = List.copyOf(fromMsByKey.entrySet());
    List<PlatformEvent> events = new ArrayList<>();
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      List<Map.Entry<String, Long>> slice =
          all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
      String ranges =
          String.join(
              " OR ", Collections.nCopies(slice.size(), "(f.entity_key = ? AND f.at_ms >= ?)"));
      List<Object> parameters = new ArrayList<>();
      for (Map.Entry<String, Long> key : slice) {
        parameters.add(key.getKey());
        parameters.add(key.getValue());
      }
      events.addAll(
          read(
              dataSource,
              decoders,
              "SELECT " + StoredEnvelope.COLUMNS + " FROM " + name + " f" + LOG + " WHERE " + ranges + LOCKING,
              parameters));
    }
    events.sort(PlatformEvent.ORDER);
    return events;
  }

  /** The stored events with {@code from <= at < to}, in the order of EVENTS.md. */
  public List<PlatformEvent> between(
      DataSource dataSource, EventDecoders decoders, long fromMs, long toMs) {
    List<PlatformEvent> events =
        read(
            dataSource,
            decoders,
            "SELECT " + StoredEnvelope.COLUMNS + " FROM " + name + " f" + LOG
                + " WHERE f.at_ms >= ? AND f.at_ms < ?",
            List.of(fromMs, toMs));
    events.sort(PlatformEvent.ORDER);
    return events;
  }

  /** The events of one query, in the order the database gives them. */
  private List<PlatformEvent> read(
      DataSource dataSource, EventDecoders decoders, String query, List<?> parameters) {
    List<PlatformEvent> events = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(query)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          events.add(decoders.decode(StoredEnvelope.read(rows, 1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + name, e);
    }
    return events;
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
  }
}
