package com.conversation24.exports.export;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reports there are, and one report's rows for the caller's criteria. */
@Path("exports")
@Tag(name = "Exports", description = "The eight reports as CSV, JSON, NDJSON or XLSX (REPORTS.md)")
@RequestScoped
public class ExportsResource {

  private static final Logger LOG = Logger.getLogger(ExportsResource.class.getName());

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The catalogue: what a client needs to build an export request and read its columns. */
  @Schema(description = "The reports, their columns with definitions, and the criteria they take")
  public record Catalogue(
      @Schema(
              description =
                  "Raised whenever a report, column, column definition or criterion changes")
          int version,
      @Schema(
              description = "The metric dictionary: this catalogue as a file of the project",
              example = "docs/metrics.md")
          String spec,
      List<ReportView> reports) {}

  public record ReportView(
      @Schema(description = "The report's name in URLs and file names", example = "slots")
          String name,
      String title,
      String description,
      @Schema(description = "The CSV header's columns, in order") List<ColumnView> columns,
      @Schema(description = "The query parameters the report reads") List<String> criteria) {}

  public record ColumnView(
      @Schema(description = "As in the CSV header", example = "duration") String name,
      @Schema(
              description =
                  "What the column holds: id, enum, time (YYYY-MM-DD HH:MM:SS in tz), number or"
                      + " text (the only kind a formula-like value is prefixed with ' in CSV)",
              enumeration = {"id", "enum", "time", "number", "text"})
          String kind,
      @Schema(
              description =
                  "What the figure means and how it is computed, its unit, and when it is empty"
                      + " rather than 0")
          String definition) {}

  @Inject ExportService exports;

  @Inject ReportDownload download;

  @Inject CurrentCaller caller;

  @Context UriInfo uri;

  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The report catalogue",
      description =
          "A versioned metric dictionary: each report's name, title, description, columns (in"
              + " the CSV header's order, each with its kind and its definition from REPORTS.md)"
              + " and the criteria it takes. The version rises when any of that changes.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = Catalogue.class)))
  public Catalogue catalogue() {
    return new Catalogue(
        Report.CATALOGUE_VERSION,
        Report.CATALOGUE_SPEC,
        Arrays.stream(Report.values()).map(ExportsResource::view).toList());
  }

  @GET
  @Path("{report}")
  @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/x-ndjson", XLSX})
  @Operation(
      summary = "One report's rows",
      description =
          "Streams the rows for the criteria: text/csv (RFC 4180, CRLF, the seed's header) unless"
              + " format= or Accept asks for application/json (one array of objects),"
              + " application/x-ndjson (one object a line) or XLSX (a workbook of typed cells)."
              + " Admins and viewers see their account's rows only. A failure after the first byte"
              + " breaks the transfer; a short file is never sent as a whole one.")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      description = "Start of the range, inclusive: a date (midnight in tz) or an RFC 3339 time")
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      description = "End of the range, exclusive; at most 366 days after from")
  @Parameter(
      name = "range",
      in = ParameterIn.QUERY,
      description =
          "Instead of from/to: today, yesterday, last_7_days, last_30_days, this_month,"
              + " last_month (in tz, against the server clock)")
  @Parameter(
      name = "tz",
      in = ParameterIn.QUERY,
      description = "IANA time zone of times, dates and hour buckets; default UTC")
  @Parameter(
      name = "chatcampaign_id",
      in = ParameterIn.QUERY,
      description = "Only these campaigns (repeat the parameter for several)")
  @Parameter(
      name = "agent_id",
      in = ParameterIn.QUERY,
      description = "Only these agents (repeat for several; reports that take it, see the catalogue)")
  @Parameter(
      name = "account_id",
      in = ParameterIn.QUERY,
      description = "Operators only: one account's rows; another caller naming a foreign one gets 403")
  @Parameter(
      name = "columns",
      in = ParameterIn.QUERY,
      description =
          "Only these columns, comma-separated (names as in the catalogue); printed in the"
              + " report's order whatever order they are given in; default every column")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "csv, json, ndjson or xlsx: the format, over Accept",
      schema = @Schema(enumeration = {"csv", "json", "ndjson", "xlsx"}))
  @Parameter(name = "delimiter", in = ParameterIn.QUERY, description = "comma (default) or semicolon")
  @Parameter(
      name = "decimal",
      in = ParameterIn.QUERY,
      description = "dot (default) or comma: the decimal mark of decimal numbers; comma needs"
          + " delimiter=semicolon")
  @Parameter(name = "bom", in = ParameterIn.QUERY, description = "true: start with a UTF-8 BOM (for Excel)")
  @APIResponse(
      responseCode = "200",
      description =
          "the rows; CSV and XLSX come as an attachment named <report>_<from>_<to>.csv (.xlsx)",
      content = {
        @Content(mediaType = "text/csv"),
        @Content(mediaType = MediaType.APPLICATION_JSON),
        @Content(mediaType = "application/x-ndjson"),
        @Content(mediaType = XLSX)
      })
  @APIResponse(
      responseCode = "400",
      description = "bad criteria: a problem document (RFC 9457) whose field names the parameter",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "403", description = "a foreign account_id")
  @APIResponse(responseCode = "404", description = "no such report")
  @APIResponse(responseCode = "406", description = "none of the four media types is acceptable")
  @APIResponse(
      responseCode = "429",
      description = "too many exports running for the account or in all; see Retry-After")
  @APIResponse(
      responseCode = "503",
      description = "the database is unreachable; see Retry-After")
  public Response export(
      @Parameter(description = "agent-activity, agent-performance, agents, conversations,"
              + " automatic-invites, hosts, traffic or slots")
          @PathParam("report")
          String name,
      // The container's response itself (a field would hold a proxy): breaking a transfer needs it.
      @Context HttpServletResponse response) {
    Report report =
        Report.named(name).orElseThrow(() -> new NotFoundException("no report " + name));
    ExportFormat format = chosen();
    ExportCriteria export;
    try {
      export = exports.criteria(report, uri.getQueryParameters(), requester());
    } catch (ForeignAccountException e) {
      throw new ForbiddenException(e.getMessage());
    }
    StreamingOutput body =
        out -> {
          try {
            download.write(export, format, out, response);
          } catch (ExportsBusyException e) {
            throw new WebApplicationException(
                e.getMessage(),
                Response.status(429).header("Retry-After", e.retryAfterSeconds()).build());
          } catch (ReportDownload.Failed e) {
            LOG.log(Level.SEVERE, "export of " + export.fileName(format) + " failed", e.getCause());
            e.rethrowFault();
          }
        };
    Response.ResponseBuilder ok = Response.ok(body, format.contentType());
    if (format.download()) {
      ok.header(
          "Content-Disposition", "attachment; filename=\"" + export.fileName(format) + "\"");
    }
    return ok.build();
  }

  private Requester requester() {
    return new Requester(caller.isOperator(), caller.accountId());
  }

  /** {@code format=} when given, else by {@code Accept}. */
  private ExportFormat chosen() {
    List<String> named = uri.getQueryParameters().get(ExportFormat.PARAMETER);
    if (named == null || named.isEmpty()) {
      return negotiated();
    }
    if (named.size() > 1) {
      throw new InvalidInputException(ExportFormat.PARAMETER, "given more than once");
    }
    return ExportFormat.named(named.get(0))
        .orElseThrow(
            () -> new InvalidInputException(ExportFormat.PARAMETER, "csv, json, ndjson or xlsx"));
  }

  /** CSV unless the client prefers JSON, NDJSON or XLSX; the header lists types by preference. */
  private ExportFormat negotiated() {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      for (ExportFormat format : ExportFormat.values()) {
        if (accepted.isCompatible(MediaType.valueOf(format.mediaType()))) {
          return format;
        }
      }
    }
    throw new NotAcceptableException(
        "text/csv, application/json, application/x-ndjson or " + XLSX);
  }

  private static ReportView view(Report report) {
    return new ReportView(
        report.urlName(),
        report.title(),
        report.description(),
        report.columns().stream().map(ExportsResource::view).toList(),
        report.criteria());
  }

  private static ColumnView view(Column column) {
    return new ColumnView(
        column.name(), column.kind().name().toLowerCase(Locale.ROOT), column.definition());
  }
}
