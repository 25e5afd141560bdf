package com.conversation24.exports.infrastructure;

import com.conversation24.exports.figures.ConversationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The Conversations projection's table, {@code exports_conversation}: written in the ingesting
 * transaction, read by exports as a stream (one connection of its own, rows fetched in slices, so
 * memory stays flat however many rows there are).
 */
@ApplicationScoped
public class ConversationRowStore {

  /** Rows fetched per round trip while streaming. */
  private static final int FETCH_SIZE = 1_000;

  /** Seconds a slow client may take before MariaDB gives up writing to the streaming export. */
  private static final int NET_WRITE_TIMEOUT_SECONDS = 3_600;

  private static final List<String> COLUMNS =
      List.of(
          "session_id",
          "campaign_id",
          "started_at_ms",
          "entry_point_id",
          "first_agent_id",
          "last_agent_id",
          "involved_agent_ids",
          "visitor_id",
          "host_id",
          "num_messages",
          "duration_total",
          "duration_conversation",
          "duration_afterclose",
          "avg_message_length",
          "max_message_length",
          "first_response_time",
          "first_reply_time",
          "avg_response_time",
          "max_response_time",
          "decision_time",
          "accept_url",
          "successcode",
          "survey_result",
          "survey_comment",
          "visitor_identifier",
          "blocked",
          "block_reason",
          "goals",
          "total_goal_value");

  private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM exports_conversation";

  private static final String REPLACE =
      "REPLACE INTO exports_conversation ("
          + String.join(", ", COLUMNS)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
          + ")";

  /** The rows of one export: started in {@code [from, to)}, of these campaigns (empty: all). */
  public record Selection(Instant from, Instant to, Optional<Set<Long>> campaignIds) {}

  @Inject DataSource dataSource;

  /** Stores these rows, replacing the earlier ones of the same sessions; joins the transaction. */
  public void replace(Collection<ConversationRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(REPLACE)) {
      for (ConversationRow row : rows) {
        bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store " + rows.size() + " conversation rows", e);
    }
  }

  public void clear() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM exports_conversation");
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear the conversation rows", e);
    }
  }

  /**
   * Hands every selected row to {@code each}, in the report's order (start, campaign, session),
   * while reading: nothing is collected. Meant to run outside any transaction, on a connection of
   * its own.
   */
  public void forEach(Selection selection, Consumer<ConversationRow> each) {
    if (selection.campaignIds().map(Set::isEmpty).orElse(false)) {
      return;
    }
    StringBuilder sql =
        new StringBuilder("SET STATEMENT net_write_timeout=")
            .append(NET_WRITE_TIMEOUT_SECONDS)
            .append(" FOR ")
            .append(SELECT)
            .append(" WHERE started_at_ms >= ? AND started_at_ms < ?");
    List<Long> campaigns = selection.campaignIds().map(List::copyOf).orElse(List.of());
    if (!campaigns.isEmpty()) {
      sql.append(" AND campaign_id IN (")
          .append(String.join(", ", Collections.nCopies(campaigns.size(), "?")))
          .append(")");
    }
    sql.append(" ORDER BY started_at_ms, campaign_id, session_id");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH_SIZE);
      statement.setLong(1, selection.from().toEpochMilli());
      statement.setLong(2, selection.to().toEpochMilli());
      for (int i = 0; i < campaigns.size(); i++) {
        statement.setLong(3 + i, campaigns.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          each.accept(read(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the conversation rows", e);
    }
  }

  private static void bind(PreparedStatement statement, ConversationRow row) throws SQLException {
    int i = 1;
    statement.setString(i++, row.sessionId());
    statement.setLong(i++, row.campaignId());
    statement.setLong(i++, row.startedAt().toEpochMilli());
    statement.setLong(i++, row.entryPointId());
    setOptional(statement, i++, row.firstAgentId());
    setOptional(statement, i++, row.lastAgentId());
    statement.setString(
        i++, row.involvedAgentIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
    for (String cell :
        List.of(
            row.visitorId(),
            row.hostId(),
            row.numMessages(),
            row.durationTotal(),
            row.durationConversation(),
            row.durationAfterClose(),
            row.avgMessageLength(),
            row.maxMessageLength(),
            row.firstResponseTime(),
            row.firstReplyTime(),
            row.avgResponseTime(),
            row.maxResponseTime(),
            row.decisionTime(),
            row.acceptUrl(),
            row.successCode(),
            row.surveyResult(),
            row.surveyComment(),
            row.visitorIdentifier(),
            row.blocked(),
            row.blockReason(),
            row.goals(),
            row.totalGoalValue())) {
      statement.setString(i++, cell);
    }
  }

  private static void setOptional(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static ConversationRow read(ResultSet rows) throws SQLException {
    String involved = rows.getString(7);
    List<Long> agents =
        involved.isEmpty()
            ? List.of()
            : Arrays.stream(involved.split(",")).map(Long::valueOf).toList();
    return new ConversationRow(
        rows.getString(1),
        rows.getLong(2),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getLong(4),
        optionalLong(rows, 5),
        optionalLong(rows, 6),
        agents,
        rows.getString(8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        rows.getString(12),
        rows.getString(13),
        rows.getString(14),
        rows.getString(15),
        rows.getString(16),
        rows.getString(17),
        rows.getString(18),
        rows.getString(19),
        rows.getString(20),
        rows.getString(21),
        rows.getString(22),
        rows.getString(23),
        rows.getString(24),
        rows.getString(25),
        rows.getString(26),
        rows.getString(27),
        rows.getString(28),
        rows.getString(29));
  }

  private static Optional<Long> optionalLong(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
