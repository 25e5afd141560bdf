package com.conversation24.exports.console;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.links.IssuedLink;
import com.conversation24.exports.links.LinkManager;
import com.conversation24.exports.links.LinkRequest;
import com.conversation24.exports.links.PublicLinkService;
import com.conversation24.exports.reports.Report;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Exports page's "Create public link" dialog: the report and criteria of the panel as they
 * are (a relative range stays relative), a label and an optional last day, handed to {@link
 * PublicLinkService}. The URL is shown once, right after creation, and not kept afterwards.
 */
@Named("newLink")
@ViewScoped
public class NewPublicLink implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ExportsPage page;

  @Inject PublicLinkService links;

  @Inject CurrentCaller caller;

  @Inject Clock clock;

  private String label;
  private LocalDate lastDay;
  private transient Shown issued;

  /** What the dialog shows once a link exists: its label and URL. */
  public record Shown(String label, String url) {}

  /** Opens the dialog afresh for the panel's current criteria. */
  public void open() {
    label = null;
    lastDay = null;
    issued = null;
  }

  public void create() {
    issued = null;
    Optional<LinkManager> manager = LinkManager.of(caller).filter(m -> !m.operator());
    if (manager.isEmpty()) {
      refuse("Public links are created by an admin of the account.");
      return;
    }
    if (label == null || label.isBlank()) {
      refuseField(
          "exports:link-label", "Give the link a label, so that you know it again in the list.");
      return;
    }
    Report report = page.getReport();
    Map<String, List<String>> criteria = criteria(report, page.downloadParameters());
    Optional<Instant> expires = expiresAt(criteria);
    if (expires.isPresent() && !expires.get().isAfter(clock.instant())) {
      refuseField("exports:link-last-day", "The last day must be today or later.");
      return;
    }
    try {
      IssuedLink link =
          links.create(
              new LinkRequest(
                  report.urlName(), criteria, Optional.of(label.trim()), expires),
              manager.get());
      issued = new Shown(link.link().label().orElse(""), link.url());
    } catch (InvalidInputException e) {
      switch (e.field()) {
        case "label":
          refuseField("exports:link-label", "A label has at most 190 characters.");
          break;
        case "expiresAt":
          refuseField("exports:link-last-day", "The last day must be today or later.");
          break;
        default:
          refuse(CriteriaErrors.words(e));
      }
    } catch (NotPermittedException e) {
      refuse(e.getMessage());
    }
  }

  /** Only the report's own criteria (Agents and Hosts take no range, most take no agents). */
  static Map<String, List<String>> criteria(Report report, Map<String, List<String>> parameters) {
    Set<String> taken = Set.copyOf(report.criteria());
    Map<String, List<String>> criteria = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          if (taken.contains(name) && !name.equals(ExportCriteriaParser.ACCOUNT_ID)) {
            criteria.put(name, values);
          }
        });
    return criteria;
  }

  /** The link works through its last day: it expires when the next day starts, in its time zone. */
  private Optional<Instant> expiresAt(Map<String, List<String>> criteria) {
    if (lastDay == null) {
      return Optional.empty();
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(criteria.getOrDefault(ExportCriteriaParser.TZ, List.of("UTC")).get(0));
    } catch (DateTimeException e) {
      zone = ZoneId.of("UTC");
    }
    return Optional.of(lastDay.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static void refuseField(String clientId, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  private static void refuse(String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  /** The report and criteria the link would fix, in a line. */
  public String getSummary() {
    Report report = page.getReport();
    return report.title() + ": " + LinkViews.criteria(criteria(report, page.downloadParameters()));
  }

  public Shown getIssued() {
    return issued;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public LocalDate getLastDay() {
    return lastDay;
  }

  public void setLastDay(LocalDate lastDay) {
    this.lastDay = lastDay;
  }
}
