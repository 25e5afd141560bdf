package com.conversation24.exports.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place where criteria become the WHERE clause of a store's read: the accounts the caller
 * sees ({@code account_id}, which every store keeps as the owner's), a range of the store's time
 * column, and the campaign and agent filters the report takes. A caller limited to no account at
 * all selects nothing.
 *
 * @param where the condition, starting with {@code WHERE}
 */
public record RowSelection(String where, List<Object> parameters) {

  public RowSelection {
    parameters = List.copyOf(parameters);
  }

  /**
   * @param alias the store table's alias in the query, with its dot ({@code "c."}), or ""
   * @param timeColumn the column the range applies to
   * @param from the range's start, included; {@code to} excluded
   */
  public static RowSelection of(
      ReportCriteria criteria, String alias, String timeColumn, Instant from, Instant to) {
    return build(criteria, alias, timeColumn, from, to);
  }

  /** The accounts the caller sees alone, for the reports of now (Agents, Hosts). */
  public static RowSelection ofScope(ReportCriteria criteria, String alias) {
    return build(criteria, alias, null, null, null);
  }

  private static RowSelection build(
      ReportCriteria criteria, String alias, String timeColumn, Instant from, Instant to) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (criteria.scope().accounts().isPresent()) {
      Set<Long> accounts = criteria.scope().accounts().get();
      if (accounts.isEmpty()) {
        return new RowSelection("WHERE FALSE", List.of());
      }
      conditions.add(alias + "account_id " + in(accounts.size()));
      parameters.addAll(accounts);
    }
    if (timeColumn != null) {
      conditions.add(alias + timeColumn + " >= ?");
      parameters.add(from.toEpochMilli());
      conditions.add(alias + timeColumn + " < ?");
      parameters.add(to.toEpochMilli());
    }
    if (!criteria.campaignIds().isEmpty()) {
      conditions.add(alias + "campaign_id IN (" + Sql.placeholders(criteria.campaignIds().size()) + ")");
      parameters.addAll(criteria.campaignIds());
    }
    if (!criteria.agentIds().isEmpty()) {
      conditions.add(alias + "agent_id IN (" + Sql.placeholders(criteria.agentIds().size()) + ")");
      parameters.addAll(criteria.agentIds());
    }
    return new RowSelection(
        conditions.isEmpty() ? "WHERE TRUE" : "WHERE " + String.join(" AND ", conditions),
        parameters);
  }

  /** The criteria's own range. */
  public static RowSelection of(ReportCriteria criteria, String alias, String timeColumn) {
    return of(criteria, alias, timeColumn, criteria.from(), criteria.to());
  }

  private static String in(int count) {
    return count == 1 ? "= ?" : "IN (" + Sql.placeholders(count) + ")";
  }

  /** Whether the selection can hold no row at all (a caller of no account). */
  public boolean empty() {
    return where.equals("WHERE FALSE");
  }
}
