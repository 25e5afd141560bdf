package com.conversation24.exports.reports;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A report's rows as its home keeps them: what exports, public links and the console read. One
 * bean a report, in its home.
 *
 * @param <R> the report's row
 */
public interface ReportRows<R> {

  ReportDefinition<R> definition();

  /**
   * Hands every row the criteria select to {@code each}, in the report's order, while reading
   * (nothing collected): memory stays flat for any range. Meant to run outside any transaction.
   */
  void forEach(ReportCriteria criteria, Consumer<R> each);

  /** Where the change feed finds the rows of this report; empty: the report has no feed. */
  default Optional<FeedSource<R>> feed() {
    return Optional.empty();
  }
}
