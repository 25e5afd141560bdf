package com.conversation24.exports.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What one report is, declared in its home: its name in URLs and file names, the seed's title and
 * description, its columns, which criteria it takes (REPORTS.md "Common rules") and its figures:
 * how its rows follow from the stored facts, the reference its stores are held to.
 *
 * @param <R> the report's row
 */
public record ReportDefinition<R>(
    String urlName,
    String title,
    String description,
    List<Column<R>> columns,
    boolean takesRange,
    boolean takesCampaignFilter,
    boolean takesAgentFilter,
    Figures<R> figures) {

  /** The query parameters of a report's criteria, by name. */
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String RANGE = "range";
  public static final String TZ = "tz";
  public static final String CAMPAIGN_ID = "chatcampaign_id";
  public static final String AGENT_ID = "agent_id";
  public static final String ACCOUNT_ID = "account_id";
  public static final String COLUMNS = "columns";
  public static final String DELIMITER = "delimiter";
  public static final String DECIMAL = "decimal";
  public static final String BOM = "bom";

  /** How the report's rows follow from every stored fact; only Conversations needs the base URL. */
  @FunctionalInterface
  public interface Figures<R> {
    List<R> rows(ReportFacts facts, ReportCriteria criteria, String publicBaseUrl);
  }

  public ReportDefinition {
    Objects.requireNonNull(urlName, "urlName");
    columns = List.copyOf(columns);
    Objects.requireNonNull(figures, "figures");
  }

  /** The query parameters this report reads, in the order a form would show them. */
  public List<String> criteria() {
    List<String> names = new ArrayList<>();
    if (takesRange) {
      names.addAll(List.of(FROM, TO, RANGE));
    }
    names.add(TZ);
    if (takesCampaignFilter) {
      names.add(CAMPAIGN_ID);
    }
    if (takesAgentFilter) {
      names.add(AGENT_ID);
    }
    names.addAll(List.of(ACCOUNT_ID, COLUMNS, DELIMITER, DECIMAL, BOM));
    return List.copyOf(names);
  }

  /**
   * The columns of these names in the report's order, whatever order the names come in: the one
   * selection every sink prints ({@code columns=}). Names are the caller's to check.
   */
  public List<Column<R>> selected(Collection<String> names) {
    return columns.stream().filter(column -> names.contains(column.name())).toList();
  }

  /** The rows from every stored fact, printed as CSV and JSON print them. */
  public List<List<String>> printed(
      ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    TextCells<R> text = new TextCells<>(columns, criteria.zone());
    return figures.rows(facts, criteria, publicBaseUrl).stream().map(text::printAsList).toList();
  }
}
