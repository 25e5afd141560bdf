package com.conversation24.campaigns.api.ingest;

import com.conversation24.campaigns.api.PlatformEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The table in which one context keeps the events it owns: {@code event_id}, {@code type}, {@code
 * at_ms} and the {@link StoredEnvelope}. Every context's table has these columns, so the writing
 * and reading is shared; each context names its own table and owns its migration.
 */
public final class FactTable {

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z]+_[a-z_]+");

  private final String name;
  private final String insert;
  private final String ownPackage;

  /**
   * @param name the context's fact table
   * @param anyRecord one record of the context's api package: the context owns the records of
   *     that package
   */
  public FactTable(String name, Class<? extends PlatformEvent> anyRecord) {
    if (!TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a table name: " + name);
    }
    this.name = name;
    this.ownPackage = anyRecord.getPackageName();
    this.insert = "INSERT INTO " + name + " (event_id, type, at_ms, envelope) VALUES (?, ?, ?, ?)";
  }

  /**
   * Stores the accepted event when it is one of this context's records.
   *
   * @return whether it was this context's (the caller then publishes it)
   */
  public boolean recordIfOwned(DataSource dataSource, EventAccepted accepted) {
    if (!accepted.event().getClass().getPackageName().equals(ownPackage)) {
      return false;
    }
    insert(dataSource, accepted.envelope());
    return true;
  }

  /** Joins the caller's transaction when there is one (the container's datasource does). */
  public void insert(DataSource dataSource, EventEnvelope envelope) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, envelope.id());
      statement.setString(2, envelope.type());
      statement.setLong(3, envelope.at().toEpochMilli());
      statement.setString(4, StoredEnvelope.write(envelope));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store " + envelope.id() + " in " + name, e);
    }
  }

  public void clear(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear " + name, e);
    }
  }

  /** Every stored event decoded again, in the order of EVENTS.md. */
  public List<PlatformEvent> all(DataSource dataSource, EventDecoders decoders) {
    List<PlatformEvent> events = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT envelope FROM " + name)) {
      while (rows.next()) {
        events.add(decoders.decode(StoredEnvelope.read(rows.getString(1))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + name, e);
    }
    events.sort(PlatformEvent.ORDER);
    return events;
  }
}
