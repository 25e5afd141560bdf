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
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The Exports page of the seed ("Chats tab -> Exports"): the eight reports, the criteria, a
 * preview of the chosen report's rows, and the CSV download, which the browser fetches from the
 * export API itself (streamed there, never through the Faces state).
 */
@Named
@ViewScoped
public class ExportsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The preview table's client id. */
  static final String TABLE = "exports:table";

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
  private List<Choice> accountChoices;

  public List<Report> getReports() {
    return Arrays.asList(Report.values());
  }

  public Report getReport() {
    return report;
  }

  /** Another report: its preview starts afresh, on its first page. */
  public void choose(String urlName) {
    report = Report.named(urlName).orElse(Report.CONVERSATIONS);
    previewed = null;
    previewedReport = null;
    firstPage();
  }

  /** The key column of each report, kept in view while the rest scrolls sideways. */
  static String keyColumn(Report report) {
    switch (report) {
      case CONVERSATIONS:
        return "session_id";
      case AGENTS:
        return "username";
      case HOSTS:
        return "hostname";
      case AUTOMATIC_INVITES:
        return "date";
      case TRAFFIC:
        return "hour_begin_time";
      default:
        return "agent_id";
    }
  }

  /** Another time zone: only the days the range covers change (the preview is marked stale). */
  public void zoneChanged() {}

  /** The accounts an operator picks from (empty for everyone else: their own account). */
  public List<Choice> getAccountChoices() {
    if (accountChoices == null) {
      accountChoices =
          session.requester().operator() ? choices.accounts(session.requester()) : List.of();
    }
    return accountChoices;
  }

  /**
   * The days a range covers, the last one included, in words: "Last 7 days: 2026-11-24 to
   * 2026-11-30, Europe/Amsterdam". Empty while the criteria do not make a range.
   */
  public String getResolvedRange() {
    if (!report.takesRange()) {
      return "";
    }
    try {
      return RangeWords.of(
          CriteriaForm.RANGES.getOrDefault(criteria.getRange(), ""),
          exports.criteria(report, criteria.parameters(), session.requester()).criteria());
    } catch (InvalidInputException | ForeignAccountException e) {
      return "";
    }
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
      firstPage();
    }
  }

  /** New criteria or another report: the preview opens on its first page, unsorted. */
  private static void firstPage() {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIComponent table = faces == null ? null : faces.getViewRoot().findComponent(TABLE);
    if (table instanceof DataTable dataTable) {
      dataTable.reset();
      dataTable.setFirst(0);
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

  /** The previewed report's columns: positions, titles, names and definitions, how cells show. */
  public List<PreviewColumn> getColumns() {
    Report shown = previewedReport == null ? report : previewedReport;
    List<? extends Column<?>> columns = shown.columns();
    String key = keyColumn(shown);
    List<PreviewColumn> list = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column<?> c = columns.get(i);
      list.add(
          new PreviewColumn(
              i, c.name(), ColumnTitles.of(c.name()), c.definition(), PreviewCells.shape(c),
              c.name().equals(key)));
    }
    return list;
  }

  /** A cell as the preview shows it (readable), from the file's text of it. */
  public String shown(PreviewColumn column, PreviewModel.Row row) {
    return PreviewCells.shown(column.shape, row.getCells().get(column.index), previewZone());
  }

  private ZoneId previewZone() {
    try {
      List<String> tz = previewed == null ? null : previewed.get(ExportCriteriaParser.TZ);
      return ZoneId.of(tz == null || tz.isEmpty() ? "UTC" : tz.get(0));
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
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
      CriteriaErrors.refuse("exports", criteria, e);
    } catch (ForeignAccountException e) {
      CriteriaErrors.refuse(
          "exports",
          criteria,
          new InvalidInputException(ExportCriteriaParser.ACCOUNT_ID, "foreign"));
    }
    return Optional.empty();
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

  /** A column of the preview: its position in the row, title, spec name, definition, shape. */
  public static final class PreviewColumn implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String name;
    private final String title;
    private final String definition;
    private final PreviewCells.Shape shape;
    private final boolean key;

    PreviewColumn(
        int index, String name, String title, String definition, PreviewCells.Shape shape,
        boolean key) {
      this.index = index;
      this.name = name;
      this.title = title;
      this.definition = definition;
      this.shape = shape;
      this.key = key;
    }

    public int getIndex() {
      return index;
    }

    public String getName() {
      return name;
    }

    public String getTitle() {
      return title;
    }

    public String getDefinition() {
      return definition;
    }

    public boolean isLink() {
      return shape == PreviewCells.Shape.LINK;
    }

    /** Numbers and durations are right-aligned; the key column stays in view. */
    public String getStyleClass() {
      String s =
          shape == PreviewCells.Shape.COUNT || shape == PreviewCells.Shape.DURATION
              ? "cell-number"
              : "cell-text";
      return key ? s + " key-column" : s;
    }
  }
}
