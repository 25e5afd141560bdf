package com.conversation24.exports.reports.hosts;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The Hosts report's rows: the directory's hosts, by id, each with whether hosts of other accounts
 * share its name (judged over all accounts, whoever asks, so a host carries the same id in every
 * account's file).
 */
@ApplicationScoped
public class HostsStore implements ReportRows<HostsRow> {

  @Inject DataSource dataSource;

  @Override
  public ReportDefinition<HostsRow> definition() {
    return HostsReport.DEFINITION;
  }

  /** Hands every host of the criteria's accounts to {@code each}, by id, while reading. */
  @Override
  public void forEach(ReportCriteria criteria, Consumer<HostsRow> each) {
    RowSelection selection = RowSelection.ofScope(criteria, "h.");
    if (selection.empty()) {
      return;
    }
    Sql.stream(
        dataSource,
        "SELECT h.host_id, h.account_id, h.hostname, h.shared_name, EXISTS(SELECT 1 FROM"
            + " exports_host o WHERE o.shared_name = h.shared_name AND o.account_id <>"
            + " h.account_id) AS shared FROM exports_host h "
            + selection.where()
            + " ORDER BY h.host_id",
        selection.parameters(),
        rows ->
            each.accept(
                new HostsRow(
                    rows.getLong(1),
                    rows.getLong(2),
                    rows.getString(3),
                    rows.getBoolean(5)
                        ? Optional.of(rows.getString(4).substring(0, 16))
                        : Optional.empty())));
  }
}
