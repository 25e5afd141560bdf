package com.conversation24.exports.figures;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Agents report: every agent profile of the visible accounts, deleted ones flagged (REPORTS.md
 * "Agents"). It needs no range and takes no filter.
 */
public final class AgentsReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("id"),
          Column.text("username"),
          Column.text("firstname"),
          Column.text("lastname"),
          Column.text("email"),
          Column.id("account_id"),
          Column.enumerated("disabled"));

  private AgentsReport() {}

  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return facts.directory().agents().stream()
        .filter(a -> criteria.scope().sees(OptionalLong.of(a.accountId())))
        .sorted(Comparator.comparingLong(Directory.Agent::id))
        .map(
            a ->
                List.of(
                    Long.toString(a.id()),
                    withoutAccountPostfix(a.username()),
                    Cells.of(a.firstname()),
                    Cells.of(a.lastname()),
                    Cells.of(a.email()),
                    Long.toString(a.accountId()),
                    a.deleted() ? "1" : "0"))
        .toList();
  }

  /** The login without its account postfix: {@code jane@acme} is {@code jane}. */
  static String withoutAccountPostfix(String username) {
    int at = username.lastIndexOf('@');
    return at < 0 ? username : username.substring(0, at);
  }
}
