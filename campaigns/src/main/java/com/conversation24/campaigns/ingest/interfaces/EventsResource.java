package com.conversation24.campaigns.ingest.interfaces;

import com.conversation24.campaigns.ingest.application.BatchLimits;
import com.conversation24.campaigns.ingest.application.BatchTooLargeException;
import com.conversation24.campaigns.ingest.application.IngestAnswer;
import com.conversation24.campaigns.ingest.application.IngestionService;
import com.conversation24.campaigns.ingest.application.MalformedBatchException;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/events}: the chat platform's batches, as NDJSON or one JSON array. Any other
 * content type gets 415, as a problem document: from JAX-RS itself when no method consumes it, and
 * from here when the request names none or a wildcard, which JAX-RS would match with the first
 * method.
 */
@Path("events")
@Tag(name = "Ingestion", description = "The chat platform's events (EVENTS.md)")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  static final String NDJSON = "application/x-ndjson";

  private final BatchLimits limits = BatchLimits.ofTheSpec();

  @Inject IngestionService ingestion;

  @Context HttpHeaders headers;

  @Operation(
      summary = "Take a batch of events",
      description =
          "Each line (NDJSON) or element (JSON array) is judged alone: accepted and stored"
              + " exactly once, counted as a duplicate (same id, same content), or rejected with"
              + " its line, id and a reason naming the field. At most 10,000 events and 16 MiB;"
              + " needs the ingest role.")
  @APIResponse(
      responseCode = "200",
      description = "the batch's answer: accepted, duplicates, rejected lines",
      content = @Content(schema = @Schema(implementation = IngestAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "not a batch at all (a problem document)",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "413", description = "too many events or bytes")
  @APIResponse(responseCode = "415", description = "neither application/x-ndjson nor application/json")
  @POST
  @Consumes(NDJSON)
  public IngestAnswer ingestNdjson(InputStream body) {
    return ingest(body, ingestion::ingestNdjson);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Take a batch of events as one JSON array", description = "As the NDJSON form.")
  public IngestAnswer ingestJsonArray(InputStream body) {
    return ingest(body, ingestion::ingestJsonArray);
  }

  private IngestAnswer ingest(InputStream body, Function<byte[], IngestAnswer> take) {
    MediaType type = headers.getMediaType();
    if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
      throw new NotSupportedException("Content-Type: application/x-ndjson or application/json");
    }
    byte[] read;
    try {
      read = limits.read(body, headers.getLength());
    } catch (BatchTooLargeException e) {
      throw new WebApplicationException(e.getMessage(), Response.Status.REQUEST_ENTITY_TOO_LARGE);
    } catch (IOException e) {
      // A stalled or broken upload: the client's side failed, nothing of it is judged.
      throw new WebApplicationException(
          "the request body did not arrive whole: " + e.getMessage(),
          Response.Status.REQUEST_TIMEOUT);
    }
    try {
      return take.apply(read);
    } catch (BatchTooLargeException e) {
      throw new WebApplicationException(e.getMessage(), Response.Status.REQUEST_ENTITY_TOO_LARGE);
    } catch (MalformedBatchException e) {
      throw new InvalidInputException("body", e.getMessage());
    }
  }
}
