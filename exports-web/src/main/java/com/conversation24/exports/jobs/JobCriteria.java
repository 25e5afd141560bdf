package com.conversation24.exports.jobs;

import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An export job's criteria resolved to instants, as its manifest shows them and as the job keeps
 * them: {@link #parameters} are export parameters that {@link ExportCriteriaParser} turns into the
 * same criteria again at any later time (a named range like {@code yesterday} becomes the from and
 * to it meant when the job was made). Reports without a range have neither from nor to. The
 * chosen columns ({@code columns=}, empty for all) and the CSV options are kept too, so that the
 * file has the layout asked for.
 */
public record JobCriteria(
    String report,
    Optional<Instant> from,
    Optional<Instant> to,
    String tz,
    List<Long> campaignIds,
    List<Long> agentIds,
    Optional<List<Long>> accountIds,
    String delimiter,
    boolean bom,
    String decimal,
    List<String> columns) {

  public JobCriteria {
    campaignIds = List.copyOf(campaignIds);
    columns = List.copyOf(columns);
    agentIds = List.copyOf(agentIds);
    accountIds = accountIds.map(List::copyOf);
  }

  public static JobCriteria of(ExportCriteria export) {
    ReportCriteria criteria = export.criteria();
    Report report = export.report();
    return new JobCriteria(
        report.urlName(),
        report.takesRange() ? Optional.of(criteria.from()) : Optional.empty(),
        report.takesRange() ? Optional.of(criteria.to()) : Optional.empty(),
        zoneName(criteria.zone()),
        criteria.campaignIds().stream().sorted().toList(),
        criteria.agentIds().stream().sorted().toList(),
        criteria.scope().accounts().map(ids -> ids.stream().sorted().toList()),
        export.format().delimiter() == ';' ? "semicolon" : "comma",
        export.format().bom(),
        export.format().decimalSeparator() == ',' ? "comma" : "dot",
        chosen(export));
  }

  /** The chosen columns in the report's order; empty: every column (no {@code columns=}). */
  private static List<String> chosen(ExportCriteria export) {
    List<String> all = export.report().columns().stream().map(Column::name).toList();
    return export.columnNames().equals(all) ? List.of() : export.columnNames();
  }

  /**
   * The criteria as export parameters. The accounts go as {@code account_id}, which the parser
   * takes from operators and checks against a non-operator's own account.
   */
  public Map<String, List<String>> parameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    from.ifPresent(at -> parameters.put(ExportCriteriaParser.FROM, List.of(at.toString())));
    to.ifPresent(at -> parameters.put(ExportCriteriaParser.TO, List.of(at.toString())));
    parameters.put(ExportCriteriaParser.TZ, List.of(tz));
    if (!campaignIds.isEmpty()) {
      parameters.put(ExportCriteriaParser.CAMPAIGN_ID, texts(campaignIds));
    }
    if (!agentIds.isEmpty()) {
      parameters.put(ExportCriteriaParser.AGENT_ID, texts(agentIds));
    }
    accountIds
        .filter(ids -> !ids.isEmpty())
        .ifPresent(ids -> parameters.put(ExportCriteriaParser.ACCOUNT_ID, texts(ids)));
    parameters.put(ExportCriteriaParser.DELIMITER, List.of(delimiter));
    parameters.put(ExportCriteriaParser.BOM, List.of(String.valueOf(bom)));
    parameters.put(ExportCriteriaParser.DECIMAL, List.of(decimal));
    if (!columns.isEmpty()) {
      parameters.put(ExportCriteriaParser.COLUMNS, List.of(String.join(",", columns)));
    }
    return parameters;
  }

  /** The parser takes {@code UTC} and region ids; {@code ZoneOffset.UTC}'s own id is "Z". */
  private static String zoneName(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private static List<String> texts(List<Long> ids) {
    return ids.stream().map(String::valueOf).toList();
  }
}
