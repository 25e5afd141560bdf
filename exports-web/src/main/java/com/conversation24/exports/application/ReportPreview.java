package com.conversation24.exports.application;

import com.conversation24.exports.infrastructure.ConversationRowStore;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ColumnKind;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.conversations.ConversationRow;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a report's rows for the console's preview: offset, limit and an optional sort by
 * one column. Conversations, the report of millions of rows, are paged by the database from their
 * projection; the other reports are computed by the figures as the export computes them and kept
 * briefly, so that paging and sorting through one preview computes the report once.
 */
@ApplicationScoped
public class ReportPreview {

  /** Sort by the column of this name. */
  public record Sort(String column, boolean ascending) {}

  /** The rows asked for, and how many rows the report has in all. */
  public record Page(List<List<String>> rows, int total) {}

  /** How long computed rows are reused; new facts show in a preview after at most this long. */
  static final Duration KEEP = Duration.ofSeconds(30);

  private static final int KEPT_REPORTS = 4;

  private record Key(Report report, ReportCriteria criteria) {}

  private record Computed(List<List<String>> rows, Map<Sort, List<List<String>>> sorted) {}

  @Inject StoredFacts facts;

  @Inject ReportReads reads;

  @Inject ConversationRowStore conversations;

  /** Rows between two kept positions: a page in the report's order reads at most this many more. */
  static final int POSITION_STEP = 10_000;

  private record SortedBy(ConversationRowStore.Selection selection, Sort sort) {}

  @Inject Clock clock;

  private final KeptBriefly<Key, Computed> recent =
      new KeptBriefly<>(() -> clock.instant(), KEEP, KEPT_REPORTS);

  private final KeptBriefly<SortedBy, ConversationRowStore.SessionOrder> orders =
      new KeptBriefly<>(() -> clock.instant(), KEEP, KEPT_REPORTS);

  private final KeptBriefly<ConversationRowStore.Selection, ConversationRowStore.Positions> positions =
      new KeptBriefly<>(() -> clock.instant(), KEEP, KEPT_REPORTS);

  public Page page(ExportCriteria export, int offset, int limit, Optional<Sort> sort) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset >= 0 and limit >= 1");
    }
    Optional<Sort> known = sort.filter(s -> hasColumn(export.report(), s.column()));
    if (export.report() == Report.CONVERSATIONS
        && known.map(s -> ConversationRowStore.SortKey.forColumn(s.column()).isPresent()).orElse(true)) {
      return conversationsPage(export.criteria(), offset, limit, known);
    }
    Computed computed = computed(export);
    // A sort left over from another report's columns is no sort.
    List<List<String>> rows =
        known.map(s -> sorted(export.report(), computed, s)).orElse(computed.rows());
    int from = Math.min(offset, rows.size());
    int to = (int) Math.min((long) from + limit, rows.size());
    return new Page(List.copyOf(rows.subList(from, to)), rows.size());
  }

  /**
   * A page of Conversations straight from the projection. In the report's order the page starts
   * from the kept position before it (a seek on the table's primary key, then at most {@link
   * #POSITION_STEP} rows skipped), so it costs the same at row 20 and at row 999,980; the count
   * and the positions come from one pass over the selection's keys. Sorted by a stored column, the
   * page's session ids come from the selection's order in that sort, computed once. Both are kept
   * briefly, like computed rows. Columns the projection does not store (names from the directory)
   * sort in memory.
   */
  private Page conversationsPage(
      ReportCriteria criteria, int offset, int limit, Optional<Sort> sort) {
    Directory directory = facts.directory();
    ConversationRowStore.Selection selection = ConversationRowStore.Selection.of(criteria, directory);
    List<ConversationRow> page;
    long total;
    if (sort.isPresent()) {
      ConversationRowStore.SessionOrder order = order(selection, sort.get());
      page = conversations.rows(order.slice(offset, (int) Math.min((long) offset + limit, order.size())));
      total = order.size();
    } else {
      ConversationRowStore.Positions marked = positions(selection);
      page =
          offset >= marked.total()
              ? List.of()
              : conversations.pageFrom(
                  selection, marked.marks().get(offset / marked.step()), offset % marked.step(), limit);
      total = marked.total();
    }
    ConversationsReport.Printer printer = reads.printer(directory, criteria.zone());
    List<List<String>> rows = page.stream().map(printer::cells).toList();
    return new Page(rows, (int) Math.min(Integer.MAX_VALUE, total));
  }

  private ConversationRowStore.SessionOrder order(ConversationRowStore.Selection selection, Sort sort) {
    return orders.get(
        new SortedBy(selection, sort),
        key ->
            conversations.order(
                key.selection(),
                ConversationRowStore.SortKey.forColumn(key.sort().column()).orElseThrow(),
                key.sort().ascending()));
  }

  private ConversationRowStore.Positions positions(ConversationRowStore.Selection selection) {
    return positions.get(selection, key -> conversations.positions(key, POSITION_STEP));
  }

  /** All rows of the report, in the report's order. */
  public List<List<String>> rows(ExportCriteria export) {
    return computed(export).rows();
  }

  private Computed computed(ExportCriteria export) {
    return recent.get(
        new Key(export.report(), export.criteria()),
        key ->
            new Computed(
                List.copyOf(reads.rows(key.report(), key.criteria())),
                new LinkedHashMap<>()));
  }

  private static List<List<String>> sorted(Report report, Computed computed, Sort sort) {
    synchronized (computed.sorted()) {
      List<List<String>> kept = computed.sorted().get(sort);
      if (kept != null) {
        return kept;
      }
    }
    int index = columnIndex(report, sort.column());
    Comparator<List<String>> order =
        Comparator.comparing(row -> row.get(index), cellOrder(report.columns().get(index)));
    List<List<String>> rows = new ArrayList<>(computed.rows());
    // Stable: rows with equal cells keep the report's own order.
    rows.sort(sort.ascending() ? order : order.reversed());
    List<List<String>> result = List.copyOf(rows);
    synchronized (computed.sorted()) {
      computed.sorted().put(sort, result);
    }
    return result;
  }

  private static boolean hasColumn(Report report, String name) {
    return report.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  private static int columnIndex(Report report, String name) {
    List<Column> columns = report.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name + " in " + report.urlName());
  }

  /** Empty cells first; numbers (and numeric ids) by value; everything else as text. */
  static Comparator<String> cellOrder(Column column) {
    boolean numeric = column.kind() == ColumnKind.NUMBER || column.kind() == ColumnKind.ID;
    return (a, b) -> {
      if (a.isEmpty() || b.isEmpty()) {
        return Boolean.compare(!a.isEmpty(), !b.isEmpty());
      }
      if (numeric) {
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (x.isPresent() && y.isPresent()) {
          return x.get().compareTo(y.get());
        }
      }
      return a.compareTo(b);
    };
  }

  private static Optional<BigDecimal> number(String cell) {
    try {
      return Optional.of(new BigDecimal(cell));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
