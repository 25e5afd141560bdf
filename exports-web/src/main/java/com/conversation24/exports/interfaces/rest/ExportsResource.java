package com.conversation24.exports.interfaces.rest;

import com.conversation24.campaigns.api.CurrentCaller;
import com.conversation24.exports.application.ExportCriteria;
import com.conversation24.exports.application.ExportFormat;
import com.conversation24.exports.application.ExportService;
import com.conversation24.exports.application.ForeignAccountException;
import com.conversation24.exports.application.Report;
import com.conversation24.exports.application.Requester;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The reports there are, and one report's rows for the caller's criteria. */
@Path("exports")
@RequestScoped
public class ExportsResource {

  private static final Logger LOG = Logger.getLogger(ExportsResource.class.getName());

  /** The catalogue: what a client needs to build an export request. */
  public record Catalogue(int version, List<ReportView> reports) {}

  public record ReportView(
      String name,
      String title,
      String description,
      List<ColumnView> columns,
      List<String> criteria) {}

  public record ColumnView(String name) {}

  @Inject ExportService exports;

  @Inject CurrentCaller caller;

  @Context UriInfo uri;

  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Catalogue catalogue() {
    return new Catalogue(
        ExportService.CATALOGUE_VERSION,
        Arrays.stream(Report.values()).map(ExportsResource::view).toList());
  }

  @GET
  @Path("{report}")
  @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/x-ndjson"})
  public Response export(@PathParam("report") String name) {
    Report report =
        Report.named(name).orElseThrow(() -> new NotFoundException("no report " + name));
    ExportFormat format = negotiated();
    ExportCriteria export;
    try {
      export = exports.criteria(report, uri.getQueryParameters(), requester());
    } catch (ForeignAccountException e) {
      throw new ForbiddenException(e.getMessage());
    }
    StreamingOutput body =
        out -> {
          try {
            exports.write(export, format, out);
          } catch (Exception e) {
            // Rethrown so that the container breaks the transfer: a short file must not look whole.
            LOG.log(Level.SEVERE, "export of " + export.fileName() + " failed", e);
            throw e;
          }
        };
    if (format == ExportFormat.CSV) {
      return Response.ok(body, "text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
          .build();
    }
    return Response.ok(body, format.mediaType() + "; charset=UTF-8").build();
  }

  private Requester requester() {
    return new Requester(caller.isOperator(), caller.accountId());
  }

  /** CSV unless the client prefers JSON or NDJSON; the header lists types by preference. */
  private ExportFormat negotiated() {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      for (ExportFormat format : ExportFormat.values()) {
        if (accepted.isCompatible(MediaType.valueOf(format.mediaType()))) {
          return format;
        }
      }
    }
    throw new NotAcceptableException("text/csv, application/json or application/x-ndjson");
  }

  private static ReportView view(Report report) {
    return new ReportView(
        report.urlName(),
        report.title(),
        report.description(),
        report.columns().stream().map(c -> new ColumnView(c.name())).toList(),
        report.criteria());
  }
}
