package com.conversation24.exports.reports.hosts;

import com.conversation24.campaigns.platform.Sha256;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ColumnKind;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Hosts report: every website of the visible accounts, and whether its name is shared with
 * another account (REPORTS.md "Hosts"). Sharing is judged over all accounts, whatever the caller
 * sees, so that the same host carries the same {@code multiple_acc_id} in every account's file.
 */
public final class HostsReport {

  public static final List<Column<HostsRow>> COLUMNS =
      List.of(
          Column.id("id", "The host's id; the rows are sorted by it.", HostsRow::id),
          Column.id(
              "account_id",
              "The account the website belongs to (the latest one sent).",
              HostsRow::accountId),
          Column.text("hostname", "The website's host name as sent.", HostsRow::hostname),
          new Column<>(
              "multiple_acc_id",
              ColumnKind.ID,
              "When hosts of two or more accounts share the host name (compared lower-cased,"
                  + " without a leading www.): the first 16 hex digits of the SHA-256 of that"
                  + " normalised name, the same for each; else empty.",
              (r, sink) -> r.multipleAccId().ifPresentOrElse(sink::text, sink::empty)));

  private static final ReportDefinition.Figures<HostsRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<HostsRow> DEFINITION =
      new ReportDefinition<>(
          "hosts",
          "Hosts",
          "Hosts is a static report that allows you to review the info about all websites that were"
              + " added to your account. Moreover, this report allows you to check whether the sites"
              + " are owned by one or more accounts.",
          COLUMNS,
          false,
          false,
          false,
          FIGURES);

  private static final String WWW = "www.";

  private HostsReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from every stored fact. */
  public static List<HostsRow> figures(ReportFacts facts, ReportCriteria criteria) {
    List<Directory.Host> hosts =
        facts.directory().hosts().stream()
            .sorted(Comparator.comparingLong(Directory.Host::id))
            .toList();
    Map<String, Set<Long>> accountsByName =
        hosts.stream()
            .collect(
                Collectors.groupingBy(
                    h -> normalised(h.hostname()),
                    Collectors.mapping(Directory.Host::accountId, Collectors.toSet())));
    return hosts.stream()
        .filter(h -> criteria.scope().sees(OptionalLong.of(h.accountId())))
        .map(
            h -> {
              String name = normalised(h.hostname());
              Optional<String> shared =
                  accountsByName.get(name).size() >= 2
                      ? Optional.of(sourceHash(name))
                      : Optional.empty();
              return new HostsRow(h.id(), h.accountId(), h.hostname(), shared);
            })
        .toList();
  }

  /**
   * Lower-cased, then one leading {@code www.} dropped: {@code WWW.Shop.com} is {@code shop.com}.
   */
  public static String normalised(String hostname) {
    String lower = hostname.toLowerCase(Locale.ROOT);
    return lower.startsWith(WWW) ? lower.substring(WWW.length()) : lower;
  }

  /** The first 16 lower-case hex digits of the SHA-256 of the UTF-8 of the normalised name. */
  public static String sourceHash(String normalisedName) {
    return Sha256.hex(normalisedName).substring(0, 16);
  }
}
