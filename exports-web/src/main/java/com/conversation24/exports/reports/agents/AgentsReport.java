package com.conversation24.exports.reports.agents;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Agents report: every agent profile of the visible accounts, deleted ones flagged (REPORTS.md
 * "Agents"). It needs no range and takes no filter.
 */
public final class AgentsReport {

  public static final List<Column<AgentsRow>> COLUMNS =
      List.of(
          Column.id("id", "The agent's id; the rows are sorted by it.", AgentsRow::id),
          Column.text(
              "username",
              "The agent's login without any @postfix (jane@acme prints jane).",
              AgentsRow::username),
          Column.optionalText(
              "firstname",
              "The agent's first name as last sent; empty when never sent.",
              AgentsRow::firstname),
          Column.optionalText(
              "lastname",
              "The agent's last name as last sent; empty when never sent.",
              AgentsRow::lastname),
          Column.optionalText(
              "email",
              "The agent's email address as last sent (the seed's unnamed column); empty when"
                  + " never sent.",
              AgentsRow::email),
          Column.id("account_id", "The agent's account (the latest one sent).", AgentsRow::accountId),
          Column.enumerated(
              "disabled",
              "1 once the agent was deleted (agent.deleted), else 0; deleted agents keep their"
                  + " row.",
              r -> r.disabled() ? "1" : "0"));

  private static final ReportDefinition.Figures<AgentsRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<AgentsRow> DEFINITION =
      new ReportDefinition<>(
          "agents",
          "Agents",
          "Agents report gives you a quick overview of all your agents. It is the static report,"
              + " where you can see a list of agents that are in the system with all data about the"
              + " agents: agent's ID, username, first name, last name, email, account id. Also, you"
              + " have an opportunity to see which agent was deleted.",
          COLUMNS,
          false,
          false,
          false,
          FIGURES);

  private AgentsReport() {}

  /** The rows from every stored fact. */
  public static List<AgentsRow> figures(ReportFacts facts, ReportCriteria criteria) {
    return facts.directory().agents().stream()
        .filter(a -> criteria.scope().sees(OptionalLong.of(a.accountId())))
        .sorted(Comparator.comparingLong(Directory.Agent::id))
        .map(
            a ->
                AgentsRow.of(
                    a.id(),
                    a.username(),
                    a.firstname(),
                    a.lastname(),
                    a.email(),
                    a.accountId(),
                    a.deleted()))
        .toList();
  }

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The login without its account postfix: {@code jane@acme} is {@code jane}. */
  static String withoutAccountPostfix(String username) {
    int at = username.lastIndexOf('@');
    return at < 0 ? username : username.substring(0, at);
  }
}
