package com.conversation24.exports.reports.agents;

import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
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
          Column.id("id", "The agent's id; the rows are sorted by it."),
          Column.text(
              "username",
              "The agent's login without any @postfix (jane@acme prints jane)."),
          Column.text("firstname", "The agent's first name as last sent; empty when never sent."),
          Column.text("lastname", "The agent's last name as last sent; empty when never sent."),
          Column.text(
              "email",
              "The agent's email address as last sent (the seed's unnamed column); empty when"
                  + " never sent."),
          Column.id("account_id", "The agent's account (the latest one sent)."),
          Column.enumerated(
              "disabled",
              "1 once the agent was deleted (agent.deleted), else 0; deleted agents keep their"
                  + " row."));

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
