package com.conversation24.exports.reports.agentactivity;

import com.conversation24.agents.api.PresenceState;
import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.timelines.ActivityInterval;
import com.conversation24.exports.reports.timelines.PresenceChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The activity intervals of every (agent, campaign), {@code exports_presence}: the Agent activity
 * report's rows, and the presence Agent performance and Slots read. Each interval runs from a
 * presence change that took effect to the pair's next one ({@code end_ms} NULL while open) and
 * belongs to the campaign's account. Kept from the instant a late change arrived at on.
 */
@ApplicationScoped
public class PresenceStore implements ReportRows<AgentActivityRow> {

  private static final String COLUMNS =
      "p.start_ms, p.campaign_id, p.agent_id, p.account_id, p.state, p.end_ms, p.start_event_id,"
          + " p.change_key";

  private static final Comparator<AgentActivityRow> ORDER =
      Comparator.comparing(AgentActivityRow::start)
          .thenComparingLong(AgentActivityRow::campaignId)
          .thenComparingLong(AgentActivityRow::agentId);

  @Inject DataSource dataSource;

  @Override
  public ReportDefinition<AgentActivityRow> definition() {
    return AgentActivityReport.DEFINITION;
  }

  /** The campaigns in which the agent has a presence kept. */
  public Set<Long> campaignsOf(long agentId) {
    return new TreeSet<>(
        Sql.list(
            dataSource,
            "SELECT DISTINCT campaign_id FROM exports_presence WHERE agent_id = ?",
            List.of(agentId),
            rows -> rows.getLong(1)));
  }

  /**
   * The agent's state in each campaign just before {@code beforeMs}: the state of the last
   * interval starting before it, for every campaign that has one; those intervals locked until the
   * transaction ends.
   */
  public Map<Long, PresenceState> lockedStateBefore(long agentId, long beforeMs) {
    Map<Long, PresenceState> states = new HashMap<>();
    Sql.list(
            dataSource,
            "SELECT p.campaign_id, p.state FROM exports_presence p JOIN (SELECT campaign_id,"
                + " MAX(start_ms) AS start_ms FROM exports_presence WHERE agent_id = ? AND"
                + " start_ms < ? GROUP BY campaign_id) last ON last.campaign_id = p.campaign_id"
                + " AND last.start_ms = p.start_ms WHERE p.agent_id = ? FOR UPDATE",
            List.of(agentId, beforeMs, agentId),
            rows -> Map.entry(rows.getLong(1), PresenceState.valueOf(rows.getString(2))))
        .forEach(e -> states.put(e.getKey(), e.getValue()));
    return states;
  }

  /**
   * Replaces the pair's intervals that start at or after {@code fromMs} with those of these
   * changes (the pair's effective changes from that instant on, in time order), and ends the
   * interval before them where the first one starts; joins the transaction.
   */
  public void replaceFrom(
      long agentId, long campaignId, long fromMs, List<PresenceChange> changes, long accountId) {
    Sql.update(
        dataSource,
        "DELETE FROM exports_presence WHERE agent_id = ? AND campaign_id = ? AND start_ms >= ?",
        List.of(agentId, campaignId, fromMs));
    OptionalLong firstStart =
        changes.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(changes.get(0).at().toEpochMilli());
    Sql.update(
        dataSource,
        "UPDATE exports_presence SET end_ms = ? WHERE agent_id = ? AND campaign_id = ? AND"
            + " start_ms = (SELECT start_ms FROM (SELECT MAX(start_ms) AS start_ms FROM"
            + " exports_presence WHERE agent_id = ? AND campaign_id = ? AND start_ms < ?) last)",
        List.of(firstStart, agentId, campaignId, agentId, campaignId, fromMs));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      PresenceChange c = changes.get(i);
      OptionalLong end =
          i + 1 < changes.size()
              ? OptionalLong.of(changes.get(i + 1).at().toEpochMilli())
              : OptionalLong.empty();
      rows.add(new Object[] {c, end});
    }
    Sql.batch(
        dataSource,
        "INSERT INTO exports_presence (start_ms, campaign_id, agent_id, account_id, state, end_ms,"
            + " start_event_id, change_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        row -> {
          PresenceChange c = (PresenceChange) row[0];
          return List.of(
              c.at().toEpochMilli(),
              campaignId,
              agentId,
              accountId,
              c.state().name(),
              row[1],
              c.eventId(),
              c.key());
        });
  }

  /**
   * The agent's effective changes in each campaign that bear on {@code [fromMs, toMs)}: the last
   * one at or before its start and those inside it, in time order.
   */
  public Map<Long, List<PresenceChange>> changesDuring(long agentId, long fromMs, long toMs) {
    Map<Long, List<PresenceChange>> changes = new HashMap<>();
    Sql.list(
            dataSource,
            "SELECT "
                + COLUMNS
                + " FROM exports_presence p JOIN (SELECT campaign_id, MAX(start_ms) AS start_ms"
                + " FROM exports_presence WHERE agent_id = ? AND start_ms <= ? GROUP BY"
                + " campaign_id) last ON last.campaign_id = p.campaign_id AND last.start_ms ="
                + " p.start_ms WHERE p.agent_id = ? UNION ALL SELECT "
                + COLUMNS
                + " FROM exports_presence p WHERE p.agent_id = ? AND p.start_ms > ? AND"
                + " p.start_ms < ?",
            List.of(agentId, fromMs, agentId, agentId, fromMs, toMs),
            PresenceStore::change)
        .forEach(c -> changes.computeIfAbsent(c.campaignId(), k -> new ArrayList<>()).add(c));
    changes.values().forEach(list -> list.sort(Comparator.comparing(PresenceChange::at)));
    return changes;
  }

  /** Every interval of the campaign is now its account's. */
  public void restateAccount(long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_presence SET account_id = ? WHERE campaign_id = ?",
        List.of(accountId, campaignId));
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_presence", List.of());
  }

  /**
   * Hands every Agent activity row the criteria select to {@code each}, in the report's order:
   * the intervals that started before the range and still ran at its start (at most one a pair:
   * the pair's last before it), then those starting inside it, streamed.
   */
  @Override
  public void forEach(ReportCriteria criteria, Consumer<AgentActivityRow> each) {
    RowSelection inRange = RowSelection.of(criteria, "p.", "start_ms");
    if (inRange.empty()) {
      return;
    }
    RowSelection before =
        RowSelection.of(criteria, "", "start_ms", Instant.ofEpochMilli(Long.MIN_VALUE / 2), criteria.from());
    List<AgentActivityRow> carried =
        Sql.list(
            dataSource,
            "SELECT "
                + COLUMNS
                + " FROM exports_presence p JOIN (SELECT agent_id, campaign_id, MAX(start_ms) AS"
                + " start_ms FROM exports_presence "
                + before.where()
                + " GROUP BY agent_id, campaign_id) last ON last.agent_id = p.agent_id AND"
                + " last.campaign_id = p.campaign_id AND last.start_ms = p.start_ms"
                + " WHERE p.end_ms IS NULL OR p.end_ms > ?",
            withLast(before.parameters(), criteria.from().toEpochMilli()),
            PresenceStore::row);
    carried.stream().sorted(ORDER).forEach(each);
    Sql.stream(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM exports_presence p "
            + inRange.where()
            + " ORDER BY p.start_ms, p.campaign_id, p.agent_id",
        inRange.parameters(),
        rows -> each.accept(row(rows)));
  }

  @Override
  public Optional<FeedSource<AgentActivityRow>> feed() {
    return Optional.of(
        new FeedSource<>(
            "exports_presence_change",
            "exports_presence p",
            "p.",
            List.of("start_ms", "campaign_id", "agent_id"),
            COLUMNS,
            "",
            PresenceStore::row));
  }

  /** An agent's time in some state, for the dashboard: end empty while it lasts. */
  public record Span(long agentId, long startMs, OptionalLong endMs) {}

  /**
   * The online intervals of the criteria's campaigns that overlap its range (those carried into it
   * and those starting in it), by agent and start, streamed: what the dashboard's agents online
   * add up.
   */
  public void forEachOnline(ReportCriteria criteria, Consumer<Span> each) {
    RowSelection inRange = RowSelection.of(criteria, "p.", "start_ms");
    if (inRange.empty()) {
      return;
    }
    RowSelection before =
        RowSelection.of(
            criteria, "", "start_ms", Instant.ofEpochMilli(Long.MIN_VALUE / 2), criteria.from());
    List<Object> parameters = new ArrayList<>(before.parameters());
    parameters.add(criteria.from().toEpochMilli());
    parameters.addAll(inRange.parameters());
    Sql.stream(
        dataSource,
        "SELECT agent_id, start_ms, end_ms FROM (SELECT p.agent_id, p.start_ms, p.end_ms,"
            + " p.state FROM exports_presence p JOIN (SELECT agent_id, campaign_id, MAX(start_ms)"
            + " AS start_ms FROM exports_presence "
            + before.where()
            + " GROUP BY agent_id, campaign_id) last ON last.agent_id = p.agent_id AND"
            + " last.campaign_id = p.campaign_id AND last.start_ms = p.start_ms"
            + " WHERE p.end_ms IS NULL OR p.end_ms > ?"
            + " UNION ALL SELECT p.agent_id, p.start_ms, p.end_ms, p.state FROM exports_presence p "
            + inRange.where()
            + ") overlapping WHERE state = 'ONLINE' ORDER BY agent_id, start_ms",
        parameters,
        rows ->
            each.accept(
                new Span(rows.getLong(1), rows.getLong(2), Sql.optionalLong(rows, "end_ms"))));
  }

  private static List<Object> withLast(List<Object> parameters, Object last) {
    List<Object> all = new ArrayList<>(parameters);
    all.add(last);
    return all;
  }

  private static PresenceChange change(ResultSet rows) throws SQLException {
    return new PresenceChange(
        rows.getLong("agent_id"),
        rows.getLong("campaign_id"),
        Instant.ofEpochMilli(rows.getLong("start_ms")),
        PresenceState.valueOf(rows.getString("state")),
        rows.getString("start_event_id"),
        rows.getString("change_key"));
  }

  private static AgentActivityRow row(ResultSet rows) throws SQLException {
    PresenceChange start = change(rows);
    long end = rows.getLong("end_ms");
    Optional<Instant> ended = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end));
    long account = rows.getLong("account_id");
    return AgentActivityReport.row(
        new ActivityInterval(start, ended),
        account == DirectoryStore.NO_ACCOUNT ? OptionalLong.empty() : OptionalLong.of(account));
  }
}
