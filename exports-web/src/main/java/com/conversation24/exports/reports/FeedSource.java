package com.conversation24.exports.reports;

import java.util.List;
import java.util.Objects;

/**
 * A store's side of the change feed (decision 31): the table of its change entries, which the
 * database keeps from every write of the store, and how to read the store's row of an entry.
 *
 * @param changeTable the entries: the store's key columns and the owning account, live or gone
 * @param table the store's table with its alias ({@code "exports_receipt r"})
 * @param alias the alias with its dot ({@code "r."})
 * @param keyColumns the store's primary key, in the report's order: the entries' key too
 * @param columns what the row reader reads, as a select list over the alias and {@code joins}
 * @param joins the directory's joins the row reader needs, after the store's table
 * @param row reads the row where the cursor is
 * @param <R> the report's row
 */
public record FeedSource<R>(
    String changeTable,
    String table,
    String alias,
    List<String> keyColumns,
    String columns,
    String joins,
    Sql.Row<R> row) {

  public FeedSource {
    Objects.requireNonNull(changeTable, "changeTable");
    keyColumns = List.copyOf(keyColumns);
    Objects.requireNonNull(row, "row");
  }
}
