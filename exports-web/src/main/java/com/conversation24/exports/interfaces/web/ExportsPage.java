package com.conversation24.exports.interfaces.web;

import com.conversation24.campaigns.api.InvalidInputException;
import com.conversation24.exports.application.ConsoleChoices.Choice;
import com.conversation24.exports.application.ConsoleChoices;
import com.conversation24.exports.application.ExportCriteria;
import com.conversation24.exports.application.ExportCriteriaParser;
import com.conversation24.exports.application.ExportService;
import com.conversation24.exports.application.ForeignAccountException;
import com.conversation24.exports.application.ReportPreview;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The Exports page of the seed ("Chats tab -> Exports"): the eight reports, the criteria, a
 * preview of the chosen report's rows, and the CSV download, which the browser fetches from the
 * export API itself (streamed there, never through the Faces state).
 */
@Named
@ViewScoped
public class ExportsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ExportService exports;

  @Inject ReportPreview preview;

  @Inject ConsoleChoices choices;

  @Inject ConsoleSession session;

  private Report report = Report.CONVERSATIONS;
  private final CriteriaForm criteria = new CriteriaForm();
  private String delimiter = "comma";
  private boolean bom;
  /** The parameters the preview shows, fixed when "Preview" was pressed. */
  private Map<String, List<String>> previewed;
  private Report previewedReport;
  private final PreviewModel model = new PreviewModel(this);
  private List<Choice> campaignChoices;
  private List<Choice> agentChoices;

  public List<Report> getReports() {
    return Arrays.asList(Report.values());
  }

  public Report getReport() {
    return report;
  }

  public void choose(String urlName) {
    report = Report.named(urlName).orElse(Report.CONVERSATIONS);
    previewed = null;
  }

  public CriteriaForm getCriteria() {
    return criteria;
  }

  public List<Choice> getCampaignChoices() {
    if (campaignChoices == null) {
      campaignChoices = choices.campaigns(session.requester());
    }
    return campaignChoices;
  }

  public List<Choice> getAgentChoices() {
    if (agentChoices == null) {
      agentChoices = choices.agents(session.requester());
    }
    return agentChoices;
  }

  /** Computes the chosen report for the criteria and shows its first page. */
  public void preview() {
    if (resolved(report, criteria.parameters()).isPresent()) {
      previewed = criteria.parameters();
      previewedReport = report;
      model.reset();
    }
  }

  /** Checks the criteria, then hands the browser the export API's URL to download from. */
  public void download() {
    Map<String, List<String>> p = downloadParameters();
    if (resolved(report, p).isPresent()) {
      String url =
          FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
              + "/api/exports/" + report.urlName() + "?" + query(p);
      PrimeFaces.current().ajax().addCallbackParam("downloadUrl", url);
    }
  }

  /** The criteria plus the CSV options, as the export API reads them. */
  Map<String, List<String>> downloadParameters() {
    Map<String, List<String>> p = new LinkedHashMap<>(criteria.parameters());
    if ("semicolon".equals(delimiter)) {
      p.put(ExportCriteriaParser.DELIMITER, List.of("semicolon"));
    }
    if (bom) {
      p.put(ExportCriteriaParser.BOM, List.of("true"));
    }
    return p;
  }

  public boolean isPreviewShown() {
    return previewed != null;
  }

  public PreviewModel getPreview() {
    return model;
  }

  /** The previewed report's columns, with their positions and definitions (header tooltips). */
  public List<PreviewColumn> getColumns() {
    Report shown = previewedReport == null ? report : previewedReport;
    List<? extends Column<?>> columns = shown.columns();
    List<PreviewColumn> list = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      list.add(new PreviewColumn(i, columns.get(i).name(), columns.get(i).definition()));
    }
    return list;
  }

  ReportPreview.Page page(int offset, int limit, Optional<ReportPreview.Sort> sort) {
    if (previewed == null) {
      return new ReportPreview.Page(List.of(), 0);
    }
    return resolved(previewedReport, previewed)
        .map(export -> preview.page(export, offset, limit, sort))
        .orElse(new ReportPreview.Page(List.of(), 0));
  }

  private Optional<ExportCriteria> resolved(Report which, Map<String, List<String>> parameters) {
    try {
      return Optional.of(exports.criteria(which, parameters, session.requester()));
    } catch (InvalidInputException e) {
      refuse(e.field(), e.getMessage().substring(e.field().length() + 2));
    } catch (ForeignAccountException e) {
      refuse("account_id", e.getMessage());
    }
    return Optional.empty();
  }

  private static void refuse(String field, String reason) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, label(field) + ": " + reason, null));
    faces.validationFailed();
  }

  private static String label(String field) {
    switch (field) {
      case ExportCriteriaParser.FROM:
      case ExportCriteriaParser.TO:
        return "Dates";
      case ExportCriteriaParser.RANGE:
        return "Range";
      case ExportCriteriaParser.TZ:
        return "Time zone";
      case ExportCriteriaParser.CAMPAIGN_ID:
        return "Campaigns";
      case ExportCriteriaParser.AGENT_ID:
        return "Agents";
      default:
        return field;
    }
  }

  static String query(Map<String, List<String>> parameters) {
    return parameters.entrySet().stream()
        .flatMap(
            e ->
                e.getValue().stream()
                    .map(
                        v ->
                            URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))
        .collect(Collectors.joining("&"));
  }

  public String getDelimiter() {
    return delimiter;
  }

  public void setDelimiter(String delimiter) {
    this.delimiter = delimiter;
  }

  public boolean isBom() {
    return bom;
  }

  public void setBom(boolean bom) {
    this.bom = bom;
  }

  /** A column of the preview: its position in the row, its name and its definition. */
  public static final class PreviewColumn implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String name;
    private final String definition;

    PreviewColumn(int index, String name, String definition) {
      this.index = index;
      this.name = name;
      this.definition = definition;
    }

    public int getIndex() {
      return index;
    }

    public String getName() {
      return name;
    }

    public String getDefinition() {
      return definition;
    }
  }
}
