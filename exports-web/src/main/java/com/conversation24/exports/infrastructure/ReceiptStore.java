package com.conversation24.exports.infrastructure;

import com.conversation24.exports.reports.timelines.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The receipts of every conversation, {@code exports_receipt}: replaced with their sessions'
 * Conversations rows in the ingesting transaction, read to find which sessions a Slots or Agent
 * performance export needs, so that it reads those sessions' facts and no others.
 */
@ApplicationScoped
public class ReceiptStore {

  private static final String INSERT =
      "INSERT INTO exports_receipt"
          + " (session_id, position, agent_id, campaign_id, received_at_ms, released_at_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  @Inject DataSource dataSource;

  /**
   * Stores the receipts of these sessions (each session's in the order of its assignments) in
   * place of what was stored for them; joins the transaction.
   */
  public void replace(Collection<String> sessionIds, List<Receipt> receipts) {
    if (sessionIds.isEmpty()) {
      return;
    }
    String delete =
        "DELETE FROM exports_receipt WHERE session_id IN ("
            + String.join(", ", Collections.nCopies(sessionIds.size(), "?"))
            + ")";
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(delete)) {
        int i = 1;
        for (String sessionId : sessionIds) {
          statement.setString(i++, sessionId);
        }
        statement.executeUpdate();
      }
      if (receipts.isEmpty()) {
        return;
      }
      Map<String, Integer> positions = new HashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
        for (Receipt receipt : receipts) {
          statement.setString(1, receipt.sessionId());
          statement.setInt(2, positions.merge(receipt.sessionId(), 1, Integer::sum));
          statement.setLong(3, receipt.agentId());
          statement.setLong(4, receipt.campaignId());
          statement.setLong(5, receipt.receivedAt().toEpochMilli());
          if (receipt.releasedAt().isPresent()) {
            statement.setLong(6, receipt.releasedAt().get().toEpochMilli());
          } else {
            statement.setNull(6, Types.BIGINT);
          }
          statement.addBatch();
        }
        statement.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the receipts of " + sessionIds.size() + " sessions", e);
    }
  }

  public void clear() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM exports_receipt");
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear the receipts", e);
    }
  }

  /** The sessions with a receipt received (t_recv) in {@code [from, to)}. */
  public Set<String> sessionsReceivedIn(Instant from, Instant to) {
    return sessions(
        "SELECT DISTINCT session_id FROM exports_receipt"
            + " WHERE received_at_ms >= ? AND received_at_ms < ?",
        from.toEpochMilli(),
        to.toEpochMilli());
  }

  /**
   * The sessions with a receipt that holds its chat at some instant of {@code [from, to)}:
   * received before {@code to} and released after {@code from}, or still open.
   */
  public Set<String> sessionsHoldingDuring(Instant from, Instant to) {
    // Two index ranges rather than one OR: released after `from` (recent), and still open.
    return sessions(
        "SELECT session_id FROM exports_receipt WHERE released_at_ms > ? AND received_at_ms < ?"
            + " UNION SELECT session_id FROM exports_receipt"
            + " WHERE released_at_ms IS NULL AND received_at_ms < ?",
        from.toEpochMilli(),
        to.toEpochMilli(),
        to.toEpochMilli());
  }

  private Set<String> sessions(String sql, long... parameters) {
    Set<String> sessions = new LinkedHashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setLong(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sessions.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the receipts", e);
    }
    return sessions;
  }
}
