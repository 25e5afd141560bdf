package com.conversation24.exports.console;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.console.ConsoleChoices.Choice;
import com.conversation24.exports.console.ConsoleDashboard.Figures;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.ForeignAccountException;
import com.conversation24.exports.reports.Report;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The dashboard: three charts for the chosen range (Chart.js configurations for PrimeFaces'
 * {@code p:chart}), built from {@link ConsoleDashboard}'s figures.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String BUTTON = "#1f5fbf";
  private static final String INVITE = "#c2410c";

  @Inject ConsoleDashboard dashboard;

  @Inject ConsoleChoices choices;

  @Inject ExportService exports;

  @Inject ConsoleSession session;

  private final CriteriaForm criteria = new CriteriaForm();
  private String chatsChart = "";
  private String agentsChart = "";
  private String funnelChart = "";
  private List<Choice> campaignChoices;
  private List<Total> totals = List.of();

  public CriteriaForm getCriteria() {
    return criteria;
  }

  public List<Choice> getCampaignChoices() {
    if (campaignChoices == null) {
      campaignChoices = choices.campaigns(session.requester());
    }
    return campaignChoices;
  }

  /** View action: the page opens with the default range (the last 7 days) drawn. */
  public void open() {
    if (chatsChart.isEmpty()) {
      show();
    }
  }

  /** Another time zone: the charts follow at once. */
  public void zoneChanged() {
    show();
  }

  /** The days the range covers, in words. */
  public String getResolvedRange() {
    try {
      return RangeWords.of(
          CriteriaForm.RANGES.getOrDefault(criteria.getRange(), ""),
          exports.criteria(Report.CONVERSATIONS, criteria.parameters(), session.requester())
              .criteria());
    } catch (InvalidInputException | ForeignAccountException e) {
      return "";
    }
  }

  /** The range's totals, above the charts. */
  public List<Total> getTotals() {
    return totals;
  }

  /** A figure of the totals row: its name and its value. */
  public record Total(String name, String value) implements Serializable {}

  /** Computes the charts for the criteria. */
  public void show() {
    Figures f;
    try {
      criteria.setAgentIds(List.of());
      f = dashboard.figures(criteria.parameters(), session.requester());
    } catch (InvalidInputException e) {
      CriteriaErrors.refuse("dashboard", criteria, e);
      return;
    }
    long button = LongStream.of(f.buttonChats()).sum();
    long invite = LongStream.of(f.inviteChats()).sum();
    totals =
        List.of(
            new Total("Chats", PreviewCells.count(BigDecimal.valueOf(button + invite))),
            new Total("From buttons", PreviewCells.count(BigDecimal.valueOf(button))),
            new Total("From invites", PreviewCells.count(BigDecimal.valueOf(invite))),
            new Total("Invites shown", PreviewCells.count(BigDecimal.valueOf(f.invitesShown()))),
            new Total(
                "Invites accepted", PreviewCells.count(BigDecimal.valueOf(f.invitesAccepted()))));
    chatsChart =
        chart(
            "bar",
            hours(),
            Json.createArrayBuilder()
                .add(dataset("Button", longs(f.buttonChats()), BUTTON).add("stack", "chats"))
                .add(dataset("Invite", longs(f.inviteChats()), INVITE).add("stack", "chats")),
            true,
            "Chats started per hour of day (" + zoneName(f) + ")");
    agentsChart =
        chart(
            "line",
            hours(),
            Json.createArrayBuilder()
                .add(dataset("Agents online", doubles(f.agentsOnline()), BUTTON))
                .add(dataset("Agents chatting", doubles(f.agentsChatting()), INVITE)),
            false,
            "Average agents per hour of day (" + zoneName(f) + ")");
    funnelChart =
        chart(
            "bar",
            Json.createArrayBuilder().add("Matched").add("Shown").add("Accepted").add("Chats"),
            Json.createArrayBuilder()
                .add(
                    dataset(
                        "Automatic invites",
                        Json.createArrayBuilder()
                            .add(f.invitesMatched())
                            .add(f.invitesShown())
                            .add(f.invitesAccepted())
                            .add(f.chatsFromInvites()),
                        INVITE)),
            false,
            "Automatic-invite funnel");
  }

  public boolean isShown() {
    return !chatsChart.isEmpty();
  }

  public String getChatsChart() {
    return chatsChart;
  }

  public String getAgentsChart() {
    return agentsChart;
  }

  public String getFunnelChart() {
    return funnelChart;
  }

  private static String zoneName(Figures f) {
    String id = f.zone().getId();
    return "Z".equals(id) ? "UTC" : id;
  }

  private static String chart(
      String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, boolean stacked, String title) {
    JsonObjectBuilder axis = Json.createObjectBuilder().add("stacked", stacked);
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title)))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", axis)
                        .add(
                            "y",
                            Json.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true))))
        .build()
        .toString();
  }

  private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("backgroundColor", color)
        .add("borderColor", color);
  }

  private static JsonArrayBuilder hours() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (int h = 0; h < ConsoleDashboard.HOURS; h++) {
      labels.add(String.format("%02d:00", h));
    }
    return labels;
  }

  private static JsonArrayBuilder longs(long[] values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (long v : values) {
      a.add(v);
    }
    return a;
  }

  private static JsonArrayBuilder doubles(double[] values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }
}
