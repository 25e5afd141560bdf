package com.conversation24.exports.console;

import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ReportReads;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.SortValue;
import com.conversation24.exports.reports.TextCells;
import com.conversation24.exports.reports.conversations.ConversationStore;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.conversations.ConversationsRow;
import com.conversation24.exports.reports.conversations.SessionOrder;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One page of a report's rows for the console's preview: offset, limit and an optional sort by
 * one column. Conversations are paged and sorted by the database. Every other report streams its
 * selection from its store and holds only the rows up to the end of the page (a bounded sort: a
 * heap of offset + limit rows), so memory follows the page asked for, not the selection.
 */
@ApplicationScoped
public class ReportPreview {

  /** Sort by the column of this name. */
  public record Sort(String column, boolean ascending) {}

  /** The rows asked for, and how many rows the report has in all. */
  public record Page(List<List<String>> rows, int total) {}

  /**
   * How long positions and orders are reused; new rows show in a preview after at most this (and
   * one refresh, which the next page change starts while the old ones still answer).
   */
  static final Duration KEEP = Duration.ofSeconds(30);

  /**
   * Rows between two kept positions: a page in the report's order reads at most this many more
   * (with every row's directory cells joined: some 50 ms for 10,000, some 10 ms for 1,000); a
   * million rows keep a thousand positions.
   */
  static final int POSITION_STEP = 1_000;

  /**
   * The most rows a kept order holds (some 15 bytes each); a larger selection is sorted by the
   * database for each page instead, slower but holding nothing.
   */
  static final int MOST_KEPT_ROWS = 2_000_000;

  private static final int KEPT = 3;

  private record SortedBy(ReportCriteria criteria, Sort sort) {}

  @Inject ReportReads reads;

  @Inject ConversationStore conversations;

  @Inject Clock clock;

  /** Where kept positions and orders are computed again while the old ones still answer. */
  @Inject ManagedExecutorService tasks;

  private final KeptBriefly<ReportCriteria, ConversationStore.Positions> positions =
      new KeptBriefly<>(() -> clock.instant(), KEEP, KEPT, command -> tasks.execute(command));

  private final KeptBriefly<SortedBy, Optional<SessionOrder>> orders =
      new KeptBriefly<>(() -> clock.instant(), KEEP, KEPT, command -> tasks.execute(command));

  public Page page(ExportCriteria export, int offset, int limit, Optional<Sort> sort) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset >= 0 and limit >= 1");
    }
    // A sort left over from another report's columns is no sort.
    Optional<Sort> known =
        sort.filter(
            s -> export.report().columns().stream().anyMatch(c -> c.name().equals(s.column())));
    if (export.report() == Report.CONVERSATIONS
        && known.map(s -> ConversationStore.sorts(s.column())).orElse(true)) {
      return conversationsPage(export.criteria(), offset, limit, known);
    }
    return page(export.report().definition(), export.criteria(), offset, limit, known);
  }

  /**
   * A page of Conversations, the report of millions of rows, by the database. In the report's
   * order the page starts from the kept position before it (a seek, then at most {@link
   * #POSITION_STEP} rows skipped), so it costs the same at row 20 and at row 999,980; the count
   * and the positions come from one pass over the selection's keys. Sorted by a column, the
   * selection's session ids are sorted once (one read of each row's id and value, a sort in
   * memory) and the page is a lookup of its ids. Both are kept briefly.
   */
  private Page conversationsPage(
      ReportCriteria criteria, int offset, int limit, Optional<Sort> sort) {
    TextCells<ConversationsRow> text =
        new TextCells<>(ConversationsReport.COLUMNS, criteria.zone());
    List<ConversationsRow> page;
    long total;
    ConversationStore.Positions marked =
        positions.get(criteria, c -> conversations.positions(c, POSITION_STEP));
    total = marked.total();
    int end = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
    if (sort.isPresent()) {
      Optional<SessionOrder> order =
          orders.get(
              new SortedBy(criteria, sort.get()),
              key ->
                  Optional.ofNullable(
                      conversations.order(
                          key.criteria(),
                          key.sort().column(),
                          key.sort().ascending(),
                          MOST_KEPT_ROWS)));
      page =
          order.isPresent()
              ? conversations.rows(order.get().slice(offset, end))
              : conversations.sortedPage(
                  criteria, sort.get().column(), sort.get().ascending(), offset, limit);
    } else {
      page =
          offset >= marked.total()
              ? List.of()
              : conversations.pageFrom(
                  criteria, marked.marks().get(offset / marked.step()), offset % marked.step(), limit);
    }
    return new Page(
        page.stream().map(text::printAsList).toList(), (int) Math.min(Integer.MAX_VALUE, total));
  }

  private <R> Page page(
      ReportDefinition<R> definition,
      ReportCriteria criteria,
      int offset,
      int limit,
      Optional<Sort> sort) {
    ReportRows<R> rows = reads.of(definition);
    TextCells<R> text = new TextCells<>(definition.columns(), criteria.zone());
    Optional<Column<R>> column =
        sort.flatMap(
            s -> definition.columns().stream().filter(c -> c.name().equals(s.column())).findFirst());
    int end = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
    if (column.isEmpty()) {
      List<List<String>> page = new ArrayList<>();
      long[] total = {0};
      rows.forEach(
          criteria,
          row -> {
            if (total[0] >= offset && total[0] < end) {
              page.add(text.printAsList(row));
            }
            total[0]++;
          });
      return new Page(page, (int) Math.min(Integer.MAX_VALUE, total[0]));
    }
    boolean ascending = sort.get().ascending();
    Comparator<Ranked<R>> order =
        Comparator.comparing(Ranked<R>::value, ascending ? SortValue.ORDER : SortValue.ORDER.reversed());
    // Equal cells keep the report's own order.
    order = order.thenComparingLong(Ranked::position);
    PriorityQueue<Ranked<R>> best = new PriorityQueue<>(order.reversed());
    long[] total = {0};
    Comparator<Ranked<R>> finalOrder = order;
    rows.forEach(
        criteria,
        row -> {
          Ranked<R> ranked = new Ranked<>(SortValue.of(column.get(), row), total[0]++, row);
          if (best.size() < end) {
            best.add(ranked);
          } else if (finalOrder.compare(ranked, best.peek()) < 0) {
            best.poll();
            best.add(ranked);
          }
        });
    List<Ranked<R>> sorted = new ArrayList<>(best);
    sorted.sort(order);
    List<List<String>> page = new ArrayList<>();
    for (int i = offset; i < sorted.size(); i++) {
      page.add(text.printAsList(sorted.get(i).row()));
    }
    return new Page(page, (int) Math.min(Integer.MAX_VALUE, total[0]));
  }

  /** A row with its place in the sort: its cell, then its position in the report's order. */
  private record Ranked<R>(Comparable<?> value, long position, R row) {}
}
