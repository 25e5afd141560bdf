package com.conversation24.exports.reports.agentperformance;

import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.timelines.WorkShift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The work shifts of every agent, open or closed, {@code exports_work_shift}: what a late login or
 * logout derives the agent's shifts again from, and which shifts Agent performance computes rows
 * for. Kept from the instant a late event arrived at on.
 */
@ApplicationScoped
public class WorkShiftStore {

  /** A shift as kept: its login and, once closed, when it ended. */
  public record StoredShift(AgentLoggedIn login, Optional<Instant> end) {

    public boolean closed() {
      return end.isPresent();
    }

    public ClosedShift asClosed() {
      return new ClosedShift(
          login.agentId(), login.workshiftId(), login.eventId(), login.at(), end.orElseThrow());
    }
  }

  @Inject DataSource dataSource;

  /**
   * The agent's last shift starting before {@code beforeMs} (the one open just before it, unless
   * it ended earlier), locked until the transaction ends.
   */
  public Optional<StoredShift> lockedLastBefore(long agentId, long beforeMs) {
    List<StoredShift> found =
        Sql.list(
            dataSource,
            "SELECT agent_id, login_at_ms, login_event_id, workshift_id, end_at_ms FROM"
                + " exports_work_shift WHERE agent_id = ? AND login_at_ms < ?"
                + " ORDER BY login_at_ms DESC, login_event_id DESC LIMIT 1 FOR UPDATE",
            List.of(agentId, beforeMs),
            WorkShiftStore::shift);
    return found.stream().findFirst();
  }

  /**
   * Replaces the agent's shifts starting at or after {@code fromMs} with {@code shifts} (those
   * the agent's events from that instant on make), and sets the end of the shift that was open
   * just before it as they decided ({@code previous}); joins the transaction.
   */
  public void replaceFrom(
      long agentId, long fromMs, Optional<WorkShift> previous, List<WorkShift> shifts) {
    Sql.update(
        dataSource,
        "DELETE FROM exports_work_shift WHERE agent_id = ? AND login_at_ms >= ?",
        List.of(agentId, fromMs));
    previous.ifPresent(
        shift ->
            Sql.update(
                dataSource,
                "UPDATE exports_work_shift SET end_at_ms = ? WHERE agent_id = ? AND login_at_ms = ?"
                    + " AND login_event_id = ?",
                List.of(
                    shift.end().map(Instant::toEpochMilli),
                    agentId,
                    shift.start().toEpochMilli(),
                    shift.login().eventId())));
    Sql.batch(
        dataSource,
        "INSERT INTO exports_work_shift (agent_id, login_at_ms, login_event_id, workshift_id,"
            + " end_at_ms) VALUES (?, ?, ?, ?, ?)",
        shifts,
        s ->
            List.of(
                agentId,
                s.start().toEpochMilli(),
                s.login().eventId(),
                s.workshiftId(),
                s.end().map(Instant::toEpochMilli)));
  }

  /**
   * The agent's closed shifts that overlap {@code [fromMs, toMs)}: the last one starting at or
   * before its start (when it ends after it) and those starting inside it. Shifts of an agent
   * never overlap, so this is all of them.
   */
  public List<StoredShift> closedDuring(long agentId, long fromMs, long toMs) {
    return Sql.list(
        dataSource,
        "(SELECT agent_id, login_at_ms, login_event_id, workshift_id, end_at_ms FROM"
            + " exports_work_shift WHERE agent_id = ? AND login_at_ms <= ?"
            + " ORDER BY login_at_ms DESC, login_event_id DESC LIMIT 1)"
            + " UNION ALL (SELECT agent_id, login_at_ms, login_event_id, workshift_id, end_at_ms"
            + " FROM exports_work_shift WHERE agent_id = ? AND login_at_ms > ? AND login_at_ms < ?)",
        List.of(agentId, fromMs, agentId, fromMs, toMs),
        WorkShiftStore::shift)
        .stream()
        .filter(StoredShift::closed)
        .filter(s -> s.end().get().toEpochMilli() >= fromMs || s.login().at().toEpochMilli() >= fromMs)
        .toList();
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_work_shift", List.of());
  }

  private static StoredShift shift(ResultSet rows) throws SQLException {
    long end = rows.getLong("end_at_ms");
    boolean open = rows.wasNull();
    return new StoredShift(
        new AgentLoggedIn(
            rows.getString("login_event_id"),
            Instant.ofEpochMilli(rows.getLong("login_at_ms")),
            rows.getLong("agent_id"),
            rows.getString("workshift_id")),
        open ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end)));
  }
}
