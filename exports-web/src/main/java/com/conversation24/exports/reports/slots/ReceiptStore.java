package com.conversation24.exports.reports.slots;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.agentperformance.HeldReceipt;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.timelines.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The receipts of every conversation, {@code exports_receipt}: the Slots report's rows, and what
 * Agent performance reads of conversations. Replaced with their session's conversation row in the
 * ingesting transaction; each keeps the agent's presence in the campaign at t_recv, restated when a
 * presence change moves it.
 */
@ApplicationScoped
public class ReceiptStore implements ReportRows<SlotsRow> {

  private static final String INSERT =
      "INSERT INTO exports_receipt (received_at_ms, campaign_id, agent_id, assignment_event_id,"
          + " account_id, session_id, entry_point_id, released_at_ms, state,"
          + " first_visitor_message_ms, first_agent_message_ms, last_of_session, survey_result)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OFFLINE', ?, ?, ?, ?)";

  /** The agent's presence in the receipt's campaign at t_recv: the last change at or before it. */
  private static final String STATE_AT_RECEIPT =
      "UPDATE exports_receipt r SET r.state = COALESCE((SELECT p.state FROM exports_presence p"
          + " WHERE p.agent_id = r.agent_id AND p.campaign_id = r.campaign_id"
          + " AND p.start_ms <= r.received_at_ms ORDER BY p.start_ms DESC LIMIT 1), 'OFFLINE')";

  private static final String COLUMNS =
      "r.received_at_ms, r.campaign_id, r.agent_id, r.assignment_event_id, r.account_id,"
          + " r.session_id, r.entry_point_id, r.released_at_ms, r.state,"
          + " r.first_visitor_message_ms, r.first_agent_message_ms, r.last_of_session,"
          + " r.survey_result";

  @Inject DataSource dataSource;

  @Override
  public ReportDefinition<SlotsRow> definition() {
    return SlotsReport.DEFINITION;
  }

  /**
   * The stored receipts of these sessions, locked until the transaction ends, with what Agent
   * performance reads of them.
   */
  public List<HeldReceipt> lockedOf(Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM exports_receipt r WHERE r.session_id IN ("
            + Sql.placeholders(sessionIds.size())
            + ") FOR UPDATE",
        List.copyOf(sessionIds),
        ReceiptStore::held);
  }

  /**
   * Stores the receipts of these sessions in place of what was stored for them, each with the
   * agent's presence at t_recv as kept now, and keeps each agent's longest closed receipt; joins
   * the transaction.
   *
   * @param campaignAccounts the accounts of their campaigns, those known
   */
  public void replace(
      Collection<String> sessionIds, List<HeldReceipt> receipts, Map<Long, Long> campaignAccounts) {
    if (sessionIds.isEmpty()) {
      return;
    }
    List<String> sessions = List.copyOf(sessionIds);
    Sql.update(
        dataSource,
        "DELETE FROM exports_receipt WHERE session_id IN (" + Sql.placeholders(sessions.size()) + ")",
        sessions);
    if (receipts.isEmpty()) {
      return;
    }
    Sql.batch(
        dataSource,
        INSERT,
        receipts,
        h -> {
          Receipt r = h.receipt();
          List<Object> p = new ArrayList<>();
          p.add(r.receivedAt().toEpochMilli());
          p.add(r.campaignId());
          p.add(r.agentId());
          p.add(r.assignment().eventId());
          p.add(campaignAccounts.getOrDefault(r.campaignId(), DirectoryStore.NO_ACCOUNT));
          p.add(r.sessionId());
          p.add(r.entryPointId());
          p.add(r.releasedAt().map(Instant::toEpochMilli));
          p.add(r.firstVisitorMessage().map(Instant::toEpochMilli));
          p.add(r.firstAgentMessage().map(Instant::toEpochMilli));
          p.add(h.lastOfConversation());
          p.add(h.survey().map(SurveyResult::name));
          return p;
        });
    Sql.update(
        dataSource,
        STATE_AT_RECEIPT + " WHERE r.session_id IN (" + Sql.placeholders(sessions.size()) + ")",
        sessions);
    Map<Long, Long> longest = new HashMap<>();
    for (HeldReceipt h : receipts) {
      Receipt r = h.receipt();
      if (r.releasedAt().isPresent()) {
        long duration = r.releasedAt().get().toEpochMilli() - r.receivedAt().toEpochMilli();
        longest.merge(r.agentId(), duration, Math::max);
      }
    }
    Sql.batch(
        dataSource,
        "INSERT INTO exports_agent_longest_receipt (agent_id, duration_ms) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE duration_ms = GREATEST(duration_ms, VALUES(duration_ms))",
        new java.util.TreeMap<>(longest).entrySet(),
        e -> List.of(e.getKey(), e.getValue()));
  }

  /**
   * The agent's presence in the campaign at t_recv of its receipts received from {@code fromMs}
   * on, as the presence is kept now; joins the transaction.
   */
  public void restateState(long agentId, long campaignId, long fromMs) {
    Sql.update(
        dataSource,
        STATE_AT_RECEIPT + " WHERE r.agent_id = ? AND r.campaign_id = ? AND r.received_at_ms >= ?",
        List.of(agentId, campaignId, fromMs));
  }

  /** Every receipt of the campaign is now its account's. */
  public void restateAccount(long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_receipt SET account_id = ? WHERE campaign_id = ?",
        List.of(accountId, campaignId));
  }

  /**
   * The agent's receipts, in every campaign, that hold a chat at some instant of {@code [fromMs,
   * toMs)}: received before its end and released after its start, or still open. Closed ones are
   * found among those received at most the agent's longest receipt before the start.
   */
  public List<HeldReceipt> heldDuring(long agentId, long fromMs, long toMs) {
    List<Long> longest =
        Sql.list(
            dataSource,
            "SELECT duration_ms FROM exports_agent_longest_receipt WHERE agent_id = ?",
            List.of(agentId),
            rows -> rows.getLong(1));
    long reach = fromMs - (longest.isEmpty() ? 0 : longest.get(0));
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM exports_receipt r WHERE r.agent_id = ? AND r.received_at_ms >= ?"
            + " AND r.received_at_ms < ? AND (r.released_at_ms > ? OR r.released_at_ms IS NULL)"
            + " UNION ALL SELECT "
            + COLUMNS
            + " FROM exports_receipt r WHERE r.agent_id = ? AND r.released_at_ms IS NULL"
            + " AND r.received_at_ms < ?",
        List.of(agentId, reach, toMs, fromMs, agentId, reach),
        ReceiptStore::held);
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_receipt", List.of());
    Sql.update(dataSource, "DELETE FROM exports_agent_longest_receipt", List.of());
  }

  /**
   * Hands every Slots row the criteria select to {@code each}, in the report's order (t_recv,
   * campaign, agent, assignment), while reading. Meant to run outside any transaction.
   */
  @Override
  public void forEach(ReportCriteria criteria, Consumer<SlotsRow> each) {
    RowSelection selection = RowSelection.of(criteria, "r.", "received_at_ms");
    if (selection.empty()) {
      return;
    }
    Sql.stream(
        dataSource,
        "SELECT "
            + READ_COLUMNS
            + " FROM exports_receipt r"
            + JOINS
            + " "
            + selection.where()
            + " ORDER BY r.received_at_ms, r.campaign_id, r.agent_id, r.assignment_event_id",
        selection.parameters(),
        rows -> each.accept(row(rows)));
  }

  @Override
  public Optional<FeedSource<SlotsRow>> feed() {
    return Optional.of(
        new FeedSource<>(
            "exports_receipt_change",
            "exports_receipt r",
            "r.",
            List.of("received_at_ms", "campaign_id", "agent_id", "assignment_event_id"),
            READ_COLUMNS,
            JOINS,
            ReceiptStore::row));
  }

  /** What {@link #row} reads. */
  private static final String READ_COLUMNS =
      "r.campaign_id, r.agent_id, r.received_at_ms, r.released_at_ms, r.state, e.type";

  private static final String JOINS =
      " LEFT JOIN exports_entry_point e ON e.entry_point_id = r.entry_point_id";

  private static SlotsRow row(ResultSet rows) throws SQLException {
    OptionalLong released = Sql.optionalLong(rows, "released_at_ms");
    return new SlotsRow(
        rows.getLong("campaign_id"),
        rows.getLong("agent_id"),
        Instant.ofEpochMilli(rows.getLong("received_at_ms")),
        released.isPresent()
            ? Optional.of(Instant.ofEpochMilli(released.getAsLong()))
            : Optional.empty(),
        PresenceState.valueOf(rows.getString("state")),
        Sql.optionalString(rows, "type").map(EntryPointType::valueOf));
  }

  /** An agent holding a chat, for the dashboard: released empty while it lasts. */
  public record Holding(long agentId, long receivedMs, java.util.OptionalLong releasedMs) {}

  /**
   * The selected receipts that hold a chat at some instant of the criteria's range, by agent and
   * t_recv, streamed: what the dashboard's agents chatting add up. Found among those received at
   * most the longest closed receipt before the range, so the read follows the range, not the
   * history; a chat left open since before that is not counted.
   */
  public void forEachHolding(ReportCriteria criteria, Consumer<Holding> each) {
    List<Long> longest =
        Sql.list(
            dataSource,
            "SELECT COALESCE(MAX(duration_ms), 0) FROM exports_agent_longest_receipt",
            List.of(),
            rows -> rows.getLong(1));
    RowSelection selection =
        RowSelection.of(
            criteria,
            "r.",
            "received_at_ms",
            criteria.from().minusMillis(longest.get(0)),
            criteria.to());
    if (selection.empty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>(selection.parameters());
    parameters.add(criteria.from().toEpochMilli());
    Sql.stream(
        dataSource,
        "SELECT r.agent_id, r.received_at_ms, r.released_at_ms FROM exports_receipt r "
            + selection.where()
            + " AND (r.released_at_ms IS NULL OR r.released_at_ms > ?)"
            + " ORDER BY r.agent_id, r.received_at_ms",
        parameters,
        rows ->
            each.accept(
                new Holding(
                    rows.getLong(1), rows.getLong(2), Sql.optionalLong(rows, "released_at_ms"))));
  }

  private static HeldReceipt held(ResultSet rows) throws SQLException {
    Instant received = Instant.ofEpochMilli(rows.getLong("received_at_ms"));
    Receipt receipt =
        new Receipt(
            new ConversationAssigned(
                rows.getString("assignment_event_id"),
                received,
                rows.getString("session_id"),
                rows.getLong("agent_id")),
            rows.getLong("campaign_id"),
            rows.getLong("entry_point_id"),
            instant(rows, "released_at_ms"),
            instant(rows, "first_visitor_message_ms"),
            instant(rows, "first_agent_message_ms"));
    return new HeldReceipt(
        receipt,
        rows.getBoolean("last_of_session"),
        Sql.optionalString(rows, "survey_result").map(SurveyResult::valueOf));
  }

  private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
    long ms = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
  }
}
