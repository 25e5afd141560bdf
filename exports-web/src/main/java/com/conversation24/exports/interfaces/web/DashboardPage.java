package com.conversation24.exports.interfaces.web;

import com.conversation24.campaigns.api.InvalidInputException;
import com.conversation24.exports.application.ConsoleChoices;
import com.conversation24.exports.application.ConsoleChoices.Choice;
import com.conversation24.exports.application.ConsoleDashboard;
import com.conversation24.exports.application.ConsoleDashboard.Figures;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.List;

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

  @Inject ConsoleSession session;

  private final CriteriaForm criteria = new CriteriaForm();
  private String chatsChart = "";
  private String agentsChart = "";
  private String funnelChart = "";
  private List<Choice> campaignChoices;

  public CriteriaForm getCriteria() {
    return criteria;
  }

  public List<Choice> getCampaignChoices() {
    if (campaignChoices == null) {
      campaignChoices = choices.campaigns(session.requester());
    }
    return campaignChoices;
  }

  /** Computes the charts for the criteria. */
  public void show() {
    Figures f;
    try {
      criteria.setAgentIds(List.of());
      f = dashboard.figures(criteria.parameters(), session.requester());
    } catch (InvalidInputException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      faces.validationFailed();
      return;
    }
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
