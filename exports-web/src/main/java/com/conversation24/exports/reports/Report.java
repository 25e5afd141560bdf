package com.conversation24.exports.reports;

import com.conversation24.exports.application.ExportCriteriaParser;
import com.conversation24.exports.reports.agentactivity.AgentActivityReport;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceReport;
import com.conversation24.exports.reports.agents.AgentsReport;
import com.conversation24.exports.reports.automaticinvites.AutomaticInvitesReport;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.hosts.HostsReport;
import com.conversation24.exports.reports.slots.SlotsReport;
import com.conversation24.exports.reports.traffic.TrafficReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight reports of the seed, with their URL and file name, title, description (the seed's),
 * columns with their definitions, and which criteria they take (REPORTS.md "Common rules"). Together
 * they are the catalogue that {@code GET /api/exports} publishes as a versioned metric dictionary.
 */
public enum Report {
  AGENT_ACTIVITY(
      "agent-activity",
      "Agent activity",
      "This report provides information regarding the duration of operators' availability. In"
          + " addition to that, you can use this report to determine which users were online"
          + " during a specific time frame.",
      AgentActivityReport.COLUMNS,
      true,
      true,
      true,
      (facts, criteria, base) -> AgentActivityReport.rows(facts, criteria)),
  AGENT_PERFORMANCE(
      "agent-performance",
      "Agent performance",
      "This report classifies the behavior of agents depending on three categories: breaks"
          + " (pauses made by an operator during his work shift), ignored (chats engaged by"
          + " agents, ignored by the interlocutor) and abandoned (chats engaged by a visitor,"
          + " ignored by the operator). Per campaign it also gives the chat duration, the time"
          + " of first response and the durations of the online and offline status.",
      AgentPerformanceReport.COLUMNS,
      true,
      true,
      true,
      (facts, criteria, base) -> AgentPerformanceReport.rows(facts, criteria)),
  AGENTS(
      "agents",
      "Agents",
      "Agents report gives you a quick overview of all your agents. It is the static report,"
          + " where you can see a list of agents that are in the system with all data about the"
          + " agents: agent's ID, username, first name, last name, email, account id. Also, you"
          + " have an opportunity to see which agent was deleted.",
      AgentsReport.COLUMNS,
      false,
      false,
      false,
      (facts, criteria, base) -> AgentsReport.rows(facts, criteria)),
  CONVERSATIONS(
      "conversations",
      "Conversations",
      "This report assists a user in the analysis of the discussions engaged through the chats:"
          + " the amount of chats generated, data on the agent's behavior (duration for"
          + " answering, duration of conversations, duration of the agent's activities) and data"
          + " on the visitor's behavior (mean used to engage a conversation, satisfaction"
          + " reviews).",
      ConversationsReport.COLUMNS,
      true,
      true,
      false,
      ConversationsReport::rows),
  AUTOMATIC_INVITES(
      "automatic-invites",
      "Automatic invites",
      "The automatic invites report shows you all information regarding the automated greetings"
          + " you installed. It shows the number of automated greetings sent, and how many"
          + " converted into chat conversations. It also shows how many greetings were canceled"
          + " because of unavailability from the agent's side.",
      AutomaticInvitesReport.COLUMNS,
      true,
      true,
      false,
      (facts, criteria, base) -> AutomaticInvitesReport.rows(facts, criteria)),
  HOSTS(
      "hosts",
      "Hosts",
      "Hosts is a static report that allows you to review the info about all websites that were"
          + " added to your account. Moreover, this report allows you to check whether the sites"
          + " are owned by one or more accounts.",
      HostsReport.COLUMNS,
      false,
      false,
      false,
      (facts, criteria, base) -> HostsReport.rows(facts, criteria)),
  TRAFFIC(
      "traffic",
      "Traffic",
      "This report provides all visitor's actions on your website: the number of visits,"
          + " visitors on the website, the quantity of viewed and accepted chats and the number"
          + " of automatic invitations.",
      TrafficReport.COLUMNS,
      true,
      true,
      false,
      (facts, criteria, base) -> TrafficReport.rows(facts, criteria)),
  SLOTS(
      "slots",
      "Slots",
      "By taking a look at this report, Conversation24 users are able to obtain an overview"
          + " providing information on the daily incoming chats, and on the behavior of the"
          + " active agents of the day. We recommend the usage of this analysis, among others,"
          + " to schedule the agent's working hours.",
      SlotsReport.COLUMNS,
      true,
      true,
      true,
      (facts, criteria, base) -> SlotsReport.rows(facts, criteria));

  /**
   * The catalogue's version. Raise it with every change a client could notice: a report, title,
   * description, criterion, column (name, order, kind) or column definition added, removed or
   * changed. {@code ReportTest} pins each version's content, so a change without a raise
   * fails the build. 2: column kinds and definitions.
   */
  public static final int CATALOGUE_VERSION = 2;

  /** The contract the figures and definitions follow. */
  public static final String CATALOGUE_SPEC = "REPORTS.md";

  /** How a report's rows are computed; only Conversations needs the public base URL. */
  @FunctionalInterface
  private interface Figures {
    List<List<String>> rows(ReportFacts facts, ReportCriteria criteria, String publicBaseUrl);
  }

  private final String urlName;
  private final String title;
  private final String description;
  private final List<Column> columns;
  private final boolean takesRange;
  private final boolean takesCampaignFilter;
  private final boolean takesAgentFilter;
  private final Figures figures;

  Report(
      String urlName,
      String title,
      String description,
      List<Column> columns,
      boolean takesRange,
      boolean takesCampaignFilter,
      boolean takesAgentFilter,
      Figures figures) {
    this.urlName = urlName;
    this.title = title;
    this.description = description;
    this.columns = List.copyOf(columns);
    this.takesRange = takesRange;
    this.takesCampaignFilter = takesCampaignFilter;
    this.takesAgentFilter = takesAgentFilter;
    this.figures = figures;
  }

  /** The report with this URL name ({@code agent-activity}, ...), if any. */
  public static Optional<Report> named(String urlName) {
    return Arrays.stream(values()).filter(r -> r.urlName.equals(urlName)).findFirst();
  }

  public String urlName() {
    return urlName;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Whether it needs {@code range} or {@code from}/{@code to}; Agents and Hosts do not. */
  public boolean takesRange() {
    return takesRange;
  }

  public boolean takesCampaignFilter() {
    return takesCampaignFilter;
  }

  public boolean takesAgentFilter() {
    return takesAgentFilter;
  }

  /** The query parameters this report reads, in the order a form would show them. */
  public List<String> criteria() {
    List<String> names = new ArrayList<>();
    if (takesRange) {
      names.addAll(
          List.of(ExportCriteriaParser.FROM, ExportCriteriaParser.TO, ExportCriteriaParser.RANGE));
    }
    names.add(ExportCriteriaParser.TZ);
    if (takesCampaignFilter) {
      names.add(ExportCriteriaParser.CAMPAIGN_ID);
    }
    if (takesAgentFilter) {
      names.add(ExportCriteriaParser.AGENT_ID);
    }
    names.addAll(
        List.of(
            ExportCriteriaParser.ACCOUNT_ID,
            ExportCriteriaParser.DELIMITER,
            ExportCriteriaParser.BOM));
    return List.copyOf(names);
  }

  /** The report's rows, in the report's order, one cell per column. */
  public List<List<String>> rows(ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    return figures.rows(facts, criteria, publicBaseUrl);
  }
}
