package com.conversation24.exports.console;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.console.ConsoleChoices.Choice;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.ExportsBusyException;
import com.conversation24.exports.export.ForeignAccountException;
import com.conversation24.exports.jobs.ExportJob;
import com.conversation24.exports.jobs.ExportJobs;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import jakarta.faces.application.FacesMessage;
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
 * choice of columns, a preview of the chosen report's rows, and the CSV download, which the
 * browser fetches from the export API itself (streamed there, never through the Faces state).
 * For large ranges, "Prepare file" starts an export job with the same parameters and follows it
 * until its file can be fetched from the job's own download path.
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

  @Inject ExportJobs jobs;

  private Report report = Report.CONVERSATIONS;
  private final CriteriaForm criteria = new CriteriaForm();
  private String delimiter = "comma";
  private boolean bom;
  /** The columns picked (names); empty: every column. */
  private List<String> columnNames = new ArrayList<>();
  /** The parameters the preview shows, fixed when "Preview" was pressed. */
  private Map<String, List<String>> previewed;
  private Report previewedReport;
  private List<String> previewedColumns;
  /** The file being prepared (or last prepared) from this page, as last looked at. */
  private PreparedFile prepared;
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
    columnNames = new ArrayList<>();
    previewed = null;
    previewedReport = null;
    previewedColumns = null;
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
    Map<String, List<String>> p = exportParameters();
    Optional<ExportCriteria> export = resolved(report, p);
    if (export.isPresent()) {
      previewed = p;
      previewedReport = report;
      previewedColumns = export.get().columnNames();
      model.reset();
      firstPage();
    }
  }

  /** The report's columns to pick from: spec name and title, in the report's order. */
  public List<ColumnChoice> getColumnChoices() {
    return report.columns().stream()
        .map(c -> new ColumnChoice(c.name(), ColumnTitles.of(c.name())))
        .toList();
  }

  /** A column offered by the picker: its name in the file and its title in words. */
  public record ColumnChoice(String name, String title) implements Serializable {}

  /** What the picker's summary says: "All columns", or "2 of 36 columns". */
  public String getColumnsSummary() {
    long ticked = report.columns().stream().filter(c -> columnNames.contains(c.name())).count();
    return ticked == 0 ? "All columns" : ticked + " of " + report.columns().size() + " columns";
  }

  public List<String> getColumnNames() {
    return columnNames;
  }

  public void setColumnNames(List<String> columnNames) {
    this.columnNames = columnNames == null ? new ArrayList<>() : new ArrayList<>(columnNames);
  }

  /**
   * The criteria as the export API reads them, with the columns picked ({@code columns=}, in the
   * report's order); no {@code columns} when none are picked: every column.
   */
  Map<String, List<String>> exportParameters() {
    Map<String, List<String>> p = new LinkedHashMap<>(criteria.parameters());
    List<String> chosen =
        report.columns().stream().map(Column::name).filter(columnNames::contains).toList();
    if (!chosen.isEmpty()) {
      p.put(ExportCriteriaParser.COLUMNS, List.of(String.join(",", chosen)));
    }
    return p;
  }

  /**
   * Starts an export job with the download's parameters; the page then follows it (its poll) and
   * offers the job's file once done. The count of the rows the criteria select now is what the
   * progress is measured against.
   */
  public void prepare() {
    Map<String, List<String>> p = downloadParameters();
    Optional<ExportCriteria> export = resolved(report, p);
    if (export.isEmpty()) {
      return;
    }
    try {
      ExportJob job = jobs.submit(report.urlName(), p, "csv", session.requester());
      long expected = preview.page(export.get(), 0, 1, Optional.empty()).total();
      prepared = PreparedFile.of(job, report.title(), expected, contextPath());
    } catch (ExportsBusyException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.addMessage(
          "exports:prepare",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Files are being prepared for this account already: wait until one is ready.",
              null));
      faces.validationFailed();
    } catch (InvalidInputException e) {
      CriteriaErrors.refuse("exports", criteria, e);
    }
  }

  /** The poll's tick: the job as it is now. */
  public void followPrepared() {
    if (prepared != null && !prepared.isFinished()) {
      long expected = prepared.expectedRows();
      String title = prepared.reportTitle();
      prepared =
          jobs.find(prepared.id(), session.requester())
              .map(job -> PreparedFile.of(job, title, expected, contextPath()))
              .orElse(null);
    }
  }

  public PreparedFile getPrepared() {
    return prepared;
  }

  /** Whether the page should go on asking how the prepared file is getting on. */
  public boolean isPreparing() {
    return prepared != null && !prepared.isFinished();
  }

  private static String contextPath() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
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
      String url = contextPath() + "/api/exports/" + report.urlName() + "?" + query(p);
      PrimeFaces.current().ajax().addCallbackParam("downloadUrl", url);
    }
  }

  /** The criteria and columns plus the CSV options, as the export API reads them. */
  Map<String, List<String>> downloadParameters() {
    Map<String, List<String>> p = exportParameters();
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

  /**
   * The previewed report's columns, only those picked: positions in the row, titles, names and
   * definitions, how cells show.
   */
  public List<PreviewColumn> getColumns() {
    Report shown = previewedReport == null ? report : previewedReport;
    // The table asks for its columns many times per row it renders: they are built once per
    // report and choice of columns.
    ColumnsShown key = new ColumnsShown(shown, previewedColumns);
    if (!key.equals(columnsShownFor) || columnsShown == null) {
      columnsShown = previewColumns(shown);
      columnsShownFor = key;
    }
    return columnsShown;
  }

  private record ColumnsShown(Report report, List<String> columns) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private ColumnsShown columnsShownFor;
  private transient List<PreviewColumn> columnsShown;

  private List<PreviewColumn> previewColumns(Report shown) {
    List<? extends Column<?>> columns = shown.columns();
    String key = keyColumn(shown);
    List<PreviewColumn> list = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column<?> c = columns.get(i);
      if (previewedColumns != null && !previewedColumns.contains(c.name())) {
        continue;
      }
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
