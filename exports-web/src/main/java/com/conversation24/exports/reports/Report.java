package com.conversation24.exports.reports;

import com.conversation24.exports.reports.agentactivity.AgentActivityReport;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceReport;
import com.conversation24.exports.reports.agents.AgentsReport;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.hosts.HostsReport;
import com.conversation24.exports.reports.slots.SlotsReport;
import com.conversation24.exports.reports.traffic.TrafficReport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight reports of the seed: the catalogue that {@code GET /api/exports} publishes as a
 * versioned metric dictionary. Each report is declared in its home ({@code reports.<report>}):
 * title, description, columns with their definitions, the criteria it takes, its figures.
 */
public enum Report {
  AGENT_ACTIVITY(AgentActivityReport.DEFINITION),
  AGENT_PERFORMANCE(AgentPerformanceReport.DEFINITION),
  AGENTS(AgentsReport.DEFINITION),
  CONVERSATIONS(ConversationsReport.DEFINITION),
  AUTOMATIC_INVITES(AutomaticInvitesReport.DEFINITION),
  HOSTS(HostsReport.DEFINITION),
  TRAFFIC(TrafficReport.DEFINITION),
  SLOTS(SlotsReport.DEFINITION);

  /**
   * The catalogue's version. Raise it with every change a client could notice: a report, title,
   * description, criterion, column (name, order, kind) or column definition added, removed or
   * changed. {@code ReportTest} pins each version's content, so a change without a raise
   * fails the build. 2: column kinds and definitions. 3: the criteria columns and decimal. 4:
   * the spec is the metric dictionary, docs/metrics.md.
   */
  public static final int CATALOGUE_VERSION = 4;

  /** The metric dictionary: the catalogue as a file of the project (figures follow REPORTS.md). */
  public static final String CATALOGUE_SPEC = MetricDictionary.FILE;

  private final ReportDefinition<?> definition;

  Report(ReportDefinition<?> definition) {
    this.definition = definition;
  }

  /** The report with this URL name ({@code agent-activity}, ...), if any. */
  public static Optional<Report> named(String urlName) {
    return Arrays.stream(values()).filter(r -> r.urlName().equals(urlName)).findFirst();
  }

  /** The report's home declaration: columns, criteria, figures. */
  public ReportDefinition<?> definition() {
    return definition;
  }

  public String urlName() {
    return definition.urlName();
  }

  public String title() {
    return definition.title();
  }

  public String description() {
    return definition.description();
  }

  public List<? extends Column<?>> columns() {
    return definition.columns();
  }

  /** Whether it needs {@code range} or {@code from}/{@code to}; Agents and Hosts do not. */
  public boolean takesRange() {
    return definition.takesRange();
  }

  public boolean takesCampaignFilter() {
    return definition.takesCampaignFilter();
  }

  public boolean takesAgentFilter() {
    return definition.takesAgentFilter();
  }

  /** The query parameters this report reads, in the order a form would show them. */
  public List<String> criteria() {
    return definition.criteria();
  }

  /**
   * The report's rows from every stored fact, printed (one cell per column, in the report's
   * order): the reference the stores that exports read are held to.
   */
  public List<List<String>> rows(ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    return definition.printed(facts, criteria, publicBaseUrl);
  }
}
