package com.conversation24.exports.reports.agentperformance;

import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.directory.DirectoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The Agent performance report's rows, {@code exports_agent_performance}: the figures of every
 * closed work shift per campaign, computed in the ingesting transaction when the shift closes and
 * again when anything they depend on changes; read with the campaign's name joined, streamed in the
 * report's order.
 */
@ApplicationScoped
public class AgentPerformanceStore implements ReportRows<AgentPerformanceRow> {

  private static final String INSERT =
      "INSERT INTO exports_agent_performance (workshift_start_ms, campaign_id, agent_id,"
          + " workshift_id, login_event_id, account_id, workshift_end_ms, num_chats, num_breaks,"
          + " num_ignored, num_abandoned, avg_concurrency, first_response_ms, open_ms, online_ms,"
          + " available_ms, idle_ms, survey_good, survey_bad, survey_moderate)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject DataSource dataSource;

  @Override
  public ReportDefinition<AgentPerformanceRow> definition() {
    return AgentPerformanceReport.DEFINITION;
  }

  /**
   * Stores the rows of these shifts in place of what was stored for them (a shift whose rows are
   * none now loses its rows); joins the transaction.
   *
   * @param campaignAccounts the accounts of the rows' campaigns, those known
   */
  public void replace(
      Collection<ClosedShift> shifts,
      List<AgentPerformanceRow> rows,
      Map<Long, Long> campaignAccounts) {
    Sql.batch(
        dataSource,
        "DELETE FROM exports_agent_performance WHERE agent_id = ? AND workshift_start_ms = ?"
            + " AND login_event_id = ?",
        shifts,
        s -> List.of(s.agentId(), s.start().toEpochMilli(), s.loginEventId()));
    Sql.batch(
        dataSource,
        INSERT,
        rows,
        r -> {
          List<Object> p = new ArrayList<>();
          p.add(r.start().toEpochMilli());
          p.add(r.campaignId());
          p.add(r.agentId());
          p.add(r.workshiftId());
          p.add(r.loginEventId());
          p.add(campaignAccounts.getOrDefault(r.campaignId(), DirectoryStore.NO_ACCOUNT));
          p.add(r.end().toEpochMilli());
          p.add(r.numChats());
          p.add(r.numBreaks());
          p.add(r.numIgnored());
          p.add(r.numAbandoned());
          p.add(r.avgConcurrency());
          p.add(r.firstResponseMillis());
          p.add(r.openMillis());
          p.add(r.onlineMillis());
          p.add(r.availableMillis());
          p.add(r.idleMillis());
          p.add(r.surveyGood());
          p.add(r.surveyBad());
          p.add(r.surveyModerate());
          return p;
        });
  }

  /** Forgets the rows of shifts that no longer are (a late login split or ended them). */
  public void forget(Collection<ClosedShift> shifts) {
    replace(shifts, List.of(), Map.of());
  }

  /** Every row of the campaign is now its account's. */
  public void restateAccount(long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_agent_performance SET account_id = ? WHERE campaign_id = ?",
        List.of(accountId, campaignId));
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_agent_performance", List.of());
  }

  /**
   * Hands every row the criteria select to {@code each}, in the report's order (shift start,
   * campaign, agent, work shift, login), while reading. Meant to run outside any transaction.
   */
  @Override
  public void forEach(ReportCriteria criteria, Consumer<AgentPerformanceRow> each) {
    RowSelection selection = RowSelection.of(criteria, "r.", "workshift_start_ms");
    if (selection.empty()) {
      return;
    }
    Sql.stream(
        dataSource,
        "SELECT " + READ_COLUMNS + " FROM exports_agent_performance r" + JOINS + " "
            + selection.where()
            + " ORDER BY r.workshift_start_ms, r.campaign_id, r.agent_id, r.workshift_id,"
            + " r.login_event_id",
        selection.parameters(),
        rows -> each.accept(row(rows)));
  }

  @Override
  public Optional<FeedSource<AgentPerformanceRow>> feed() {
    return Optional.of(
        new FeedSource<>(
            "exports_agent_performance_change",
            "exports_agent_performance r",
            "r.",
            List.of("workshift_start_ms", "campaign_id", "agent_id", "workshift_id", "login_event_id"),
            READ_COLUMNS,
            JOINS,
            AgentPerformanceStore::row));
  }

  /** What {@link #row} reads. */
  private static final String READ_COLUMNS = "r.*, c.name AS campaign_name";

  private static final String JOINS =
      " LEFT JOIN exports_campaign c ON c.campaign_id = r.campaign_id";

  private static AgentPerformanceRow row(ResultSet rows) throws SQLException {
    long account = rows.getLong("account_id");
    return new AgentPerformanceRow(
        rows.getLong("campaign_id"),
        rows.getLong("agent_id"),
        rows.getString("workshift_id"),
        rows.getString("login_event_id"),
        account == DirectoryStore.NO_ACCOUNT ? OptionalLong.empty() : OptionalLong.of(account),
        Sql.optionalString(rows, "campaign_name"),
        Instant.ofEpochMilli(rows.getLong("workshift_start_ms")),
        Instant.ofEpochMilli(rows.getLong("workshift_end_ms")),
        rows.getLong("num_chats"),
        rows.getLong("num_breaks"),
        rows.getLong("num_ignored"),
        rows.getLong("num_abandoned"),
        rows.getBigDecimal("avg_concurrency"),
        rows.getLong("first_response_ms"),
        rows.getLong("open_ms"),
        rows.getLong("online_ms"),
        rows.getLong("available_ms"),
        rows.getLong("idle_ms"),
        rows.getLong("survey_good"),
        rows.getLong("survey_bad"),
        rows.getLong("survey_moderate"));
  }
}
