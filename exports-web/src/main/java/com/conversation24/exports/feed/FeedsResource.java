package com.conversation24.exports.feed;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.exports.export.ForeignAccountException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.infrastructure.BrokenTransfer;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.TextCells;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A row report's changes after a cursor, for clients that mirror the reports (decision 31). */
@Path("feeds")
@Tag(
    name = "Feeds",
    description = "Changes of the row reports since a cursor: mirror a report without re-exporting")
@RequestScoped
public class FeedsResource {

  static final String NDJSON = "application/x-ndjson";

  @Inject ChangeFeed feed;

  @Inject CurrentCaller caller;

  @Context UriInfo uri;

  @Context HttpHeaders headers;

  @GET
  @Path("{report}")
  @Produces({MediaType.APPLICATION_JSON, NDJSON})
  @Operation(
      summary = "A report's changes after a cursor",
      description =
          "The rows of conversations, slots, agent-activity or agent-performance created, restated"
              + " or removed after the cursor, in the order their ingestion committed, each in its"
              + " latest version: {\"changes\": [{\"kind\": \"new\" | \"restated\" | \"removed\","
              + " \"key\": {...}, \"row\": {column: cell}}], \"next_cursor\", \"end_of_stream\"}."
              + " Upsert new and restated rows by their key, delete removed ones; from no cursor"
              + " to end_of_stream the mirror holds exactly the rows of the report's export over"
              + " all time, in the same cells. application/x-ndjson gives one change a line and"
              + " the cursor on the last. Admins and viewers follow their account's rows only.")
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      description = "The next_cursor of the previous page; none: from the beginning")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "Changes a page holds at most, 1 to 10000; default 1000")
  @Parameter(
      name = "tz",
      in = ParameterIn.QUERY,
      description = "IANA time zone of the rows' times; default UTC")
  @Parameter(
      name = "account_id",
      in = ParameterIn.QUERY,
      description = "Operators only: one account's rows; another caller naming a foreign one gets 403")
  @APIResponse(responseCode = "200", description = "a page of changes")
  @APIResponse(
      responseCode = "400",
      description = "a forged or foreign cursor, a bad limit, a report without a feed",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "403", description = "a foreign account_id")
  @APIResponse(responseCode = "404", description = "no such report")
  public Response changes(
      @PathParam("report") String name, @Context HttpServletResponse response) {
    Report report =
        Report.named(name).orElseThrow(() -> new NotFoundException("no report " + name));
    ChangeFeed.Request request;
    try {
      request =
          feed.request(
              report,
              uri.getQueryParameters(),
              new Requester(caller.isOperator(), caller.accountId()));
    } catch (ForeignAccountException e) {
      throw new ForbiddenException(e.getMessage());
    }
    boolean lines = prefersNdjson();
    StreamingOutput body =
        out -> {
          try {
            write(request, report.definition(), lines, out);
          } catch (RuntimeException e) {
            // A cut page must not look whole: once bytes are out, the connection is dropped.
            if (response.isCommitted()) {
              BrokenTransfer.abort(response);
            }
            throw e;
          }
        };
    return Response.ok(body, (lines ? NDJSON : MediaType.APPLICATION_JSON) + "; charset=UTF-8")
        .build();
  }

  private <R> void write(
      ChangeFeed.Request request, ReportDefinition<R> definition, boolean lines, OutputStream out)
      throws IOException {
    List<Column<R>> columns = definition.columns();
    TextCells<R> cells = new TextCells<>(columns, request.criteria().zone());
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    // One document, or one JSON text a line (a generator each: NDJSON is not one document).
    JsonGenerator document = lines ? null : Json.createGenerator(text);
    if (document != null) {
      document.writeStartObject().write("report", definition.urlName()).writeStartArray("changes");
    }
    ChangeFeed.End end =
        feed.page(
            request,
            definition,
            change -> {
              if (document != null) {
                object(document, change, columns, cells);
              } else {
                line(text, json -> object(json, change, columns, cells));
              }
            });
    String next = feed.cursorText(request, end.next());
    if (document != null) {
      document.writeEnd().write("next_cursor", next).write("end_of_stream", end.endOfStream());
      document.writeEnd().flush();
    } else {
      line(
          text,
          json ->
              json.writeStartObject()
                  .write("next_cursor", next)
                  .write("end_of_stream", end.endOfStream())
                  .writeEnd());
      text.flush();
    }
  }

  private static <R> void object(
      JsonGenerator json, ChangeFeed.Change<R> change, List<Column<R>> columns, TextCells<R> cells) {
    json.writeStartObject().write("kind", change.kind().name().toLowerCase(Locale.ROOT));
    json.writeStartObject("key");
    for (Map.Entry<String, Object> key : change.key().entrySet()) {
      if (key.getValue() instanceof Number number) {
        json.write(key.getKey(), number.longValue());
      } else {
        json.write(key.getKey(), String.valueOf(key.getValue()));
      }
    }
    json.writeEnd();
    change
        .row()
        .ifPresent(
            row -> {
              String[] printed = cells.print(row);
              json.writeStartObject("row");
              for (int i = 0; i < columns.size(); i++) {
                json.write(columns.get(i).name(), printed[i]);
              }
              json.writeEnd();
            });
    json.writeEnd();
  }

  private static void line(Writer text, Consumer<JsonGenerator> value) {
    StringWriter line = new StringWriter();
    try (JsonGenerator json = Json.createGenerator(line)) {
      value.accept(json);
    }
    try {
      text.write(line.toString());
      text.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON unless the client prefers NDJSON. */
  private boolean prefersNdjson() {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.valueOf(NDJSON)) && !accepted.isWildcardType()) {
        return true;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
