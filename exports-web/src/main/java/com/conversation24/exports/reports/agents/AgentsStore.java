package com.conversation24.exports.reports.agents;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The Agents report's rows: the directory's agent profiles (those known), by id. */
@ApplicationScoped
public class AgentsStore implements ReportRows<AgentsRow> {

  @Inject DataSource dataSource;

  @Override
  public ReportDefinition<AgentsRow> definition() {
    return AgentsReport.DEFINITION;
  }

  /** Hands every profile of the criteria's accounts to {@code each}, by id, while reading. */
  @Override
  public void forEach(ReportCriteria criteria, Consumer<AgentsRow> each) {
    RowSelection selection = RowSelection.ofScope(criteria, "");
    if (selection.empty()) {
      return;
    }
    Sql.stream(
        dataSource,
        "SELECT agent_id, username, firstname, lastname, email, account_id, deleted FROM"
            + " exports_agent "
            + selection.where()
            + " AND username IS NOT NULL ORDER BY agent_id",
        selection.parameters(),
        rows ->
            each.accept(
                AgentsRow.of(
                    rows.getLong(1),
                    rows.getString(2),
                    Sql.optionalString(rows, "firstname"),
                    Sql.optionalString(rows, "lastname"),
                    Sql.optionalString(rows, "email"),
                    rows.getLong(6),
                    rows.getBoolean(7))));
  }
}
