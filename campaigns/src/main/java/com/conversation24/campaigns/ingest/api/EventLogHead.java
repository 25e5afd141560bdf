package com.conversation24.campaigns.ingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The newest entry of the durable event log, for those who must say what their data includes
 * (an export job's manifest). One read of the primary key's last entry.
 */
@ApplicationScoped
public class EventLogHead {

  @Inject DataSource dataSource;

  /** The log's head as committed now. */
  public LogPosition now() {
    String sql = "SELECT seq, received_at FROM campaigns_event_log ORDER BY seq DESC LIMIT 1";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet head = query.executeQuery()) {
      if (!head.next()) {
        return LogPosition.EMPTY;
      }
      // Read as EventLog writes it (a Timestamp), so that both agree on the zone.
      Timestamp received = head.getTimestamp(2);
      return new LogPosition(
          head.getLong(1), Optional.ofNullable(received).map(Timestamp::toInstant));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the event log's head", e);
    }
  }
}
