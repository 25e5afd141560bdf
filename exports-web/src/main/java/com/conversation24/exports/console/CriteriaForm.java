package com.conversation24.exports.console;

import com.conversation24.exports.export.ExportCriteriaParser;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The criteria panel's values, turned into the very parameters the export API takes, so that one
 * parser ({@link ExportCriteriaParser}) decides what they mean for the preview, the download and
 * the dashboard alike.
 */
public class CriteriaForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The range choice meaning "the dates picked below". */
  public static final String CUSTOM = "custom";

  /** The relative ranges of REPORTS.md, as offered, in this order. */
  public static final Map<String, String> RANGES = ranges();

  static final List<String> ZONES = zones();

  private String range = "last_7_days";
  private List<LocalDate> dates = new ArrayList<>();
  private String zone = "UTC";
  private List<String> campaignIds = new ArrayList<>();
  private List<String> agentIds = new ArrayList<>();
  /** An operator's choice of account; empty: all accounts. */
  private String accountId = "";

  private static Map<String, String> ranges() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("today", "Today");
    r.put("yesterday", "Yesterday");
    r.put("last_7_days", "Last 7 days");
    r.put("last_30_days", "Last 30 days");
    r.put("this_month", "This month");
    r.put("last_month", "Last month");
    r.put(CUSTOM, "Dates…");
    return r;
  }

  private static List<String> zones() {
    TreeSet<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
    ids.removeIf(id -> !id.contains("/") || id.startsWith("Etc/") || id.startsWith("SystemV/"));
    List<String> list = new ArrayList<>();
    list.add("UTC");
    list.addAll(ids);
    return List.copyOf(list);
  }

  /**
   * The API's parameters: {@code range}, or {@code from}/{@code to} from the picked days (the last
   * day included, so {@code to} is the day after it); {@code tz}; the filters.
   */
  public Map<String, List<String>> parameters() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    if (CUSTOM.equals(range)) {
      if (dates != null && !dates.isEmpty()) {
        LocalDate first = dates.get(0);
        LocalDate last = dates.size() > 1 && dates.get(1) != null ? dates.get(1) : first;
        p.put(ExportCriteriaParser.FROM, List.of(first.toString()));
        p.put(ExportCriteriaParser.TO, List.of(last.plusDays(1).toString()));
      }
    } else {
      p.put(ExportCriteriaParser.RANGE, List.of(range));
    }
    p.put(ExportCriteriaParser.TZ, List.of(zone == null || zone.isBlank() ? "UTC" : zone));
    if (campaignIds != null && !campaignIds.isEmpty()) {
      p.put(ExportCriteriaParser.CAMPAIGN_ID, List.copyOf(campaignIds));
    }
    if (agentIds != null && !agentIds.isEmpty()) {
      p.put(ExportCriteriaParser.AGENT_ID, List.copyOf(agentIds));
    }
    if (accountId != null && !accountId.isBlank()) {
      p.put(ExportCriteriaParser.ACCOUNT_ID, List.of(accountId));
    }
    return p;
  }

  public boolean isCustom() {
    return CUSTOM.equals(range);
  }

  public Map<String, String> getRanges() {
    return RANGES;
  }

  public List<String> getZones() {
    return ZONES;
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = range;
  }

  public List<LocalDate> getDates() {
    return dates;
  }

  public void setDates(List<LocalDate> dates) {
    this.dates = dates == null ? new ArrayList<>() : new ArrayList<>(dates);
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public List<String> getCampaignIds() {
    return campaignIds;
  }

  public void setCampaignIds(List<String> campaignIds) {
    this.campaignIds = campaignIds == null ? new ArrayList<>() : new ArrayList<>(campaignIds);
  }

  public List<String> getAgentIds() {
    return agentIds;
  }

  public void setAgentIds(List<String> agentIds) {
    this.agentIds = agentIds == null ? new ArrayList<>() : new ArrayList<>(agentIds);
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId == null ? "" : accountId;
  }
}
