package com.conversation24.exports.jobs;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.exports.export.ExportFormat;
import com.conversation24.exports.export.ExportsBusyException;
import com.conversation24.exports.export.ForeignAccountException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.infrastructure.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Export jobs: a report's file prepared in the background, then downloaded (resumably, with
 * {@code Range}) and checked against its manifest. Tenancy as for exports: admins and viewers see
 * their account's jobs only (another's id is 404), operators every job.
 */
@Path("export-jobs")
@RequestScoped
@Tag(
    name = "Export jobs",
    description = "Files prepared in the background, with a manifest, downloadable with Range")
public class ExportJobsResource {

  /** What to prepare; documents the body, which is read by hand for field-precise errors. */
  @Schema(name = "NewExportJob")
  public record NewJob(
      @Schema(required = true, description = "the report's URL name", example = "conversations")
          String report,
      @Schema(
              description =
                  "the export's query parameters: range or from/to, tz, chatcampaign_id,"
                      + " agent_id, account_id (operators), columns, delimiter, decimal, bom; a"
                      + " string or an array of strings each",
              example = "{\"from\":\"2026-10-01\",\"to\":\"2026-11-01\",\"tz\":\"Europe/Amsterdam\"}")
          Map<String, Object> criteria,
      @Schema(
              description = "csv (the default), json or ndjson",
              enumeration = {"csv", "json", "ndjson"})
          String format) {}

  public record JobView(
      long id,
      String report,
      String format,
      @Schema(enumeration = {"queued", "running", "done", "failed"}) String state,
      @Schema(description = "why it failed, or why it was started again") String reason,
      Progress progress,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "when the job and its file will be deleted") Instant expiresAt,
      @Schema(description = "once done") ManifestView manifest,
      Links links) {}

  public record Progress(@Schema(description = "rows written so far") long rows) {}

  public record Links(String self, @Schema(description = "once done") String file) {}

  public record ManifestView(
      long rows,
      @Schema(description = "the file's size in bytes") long bytes,
      @Schema(description = "the file's SHA-256, lower-case hex; also its ETag") String sha256,
      @Schema(description = "the catalogue version the columns follow (GET /api/exports)")
          int catalogueVersion,
      String fileName,
      @Schema(description = "the criteria the rows were read with, the range as instants")
          CriteriaView criteria,
      Ingestion ingestion) {}

  /** The criteria resolved: absent from and to for reports without a range. */
  public record CriteriaView(
      String report,
      Instant from,
      Instant to,
      String tz,
      List<Long> campaignIds,
      List<Long> agentIds,
      @Schema(description = "the accounts whose rows were read; absent: all (an operator's)")
          List<Long> accountIds,
      @Schema(enumeration = {"comma", "semicolon"}) String delimiter,
      boolean bom,
      @Schema(enumeration = {"dot", "comma"}) String decimal,
      @Schema(description = "the columns chosen (columns=), in the report's order; absent: all")
          List<String> columns) {}

  /** How far ingestion had got when the rows were read. */
  public record Ingestion(
      @Schema(description = "the event log's highest sequence number committed then")
          long eventLogSeq,
      @Schema(description = "when that event was received") Instant lastReceivedAt,
      @Schema(description = "when the reading began") Instant takenAt) {}

  @Inject ExportJobs jobs;

  @Inject CurrentCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Prepare a report's file",
      description =
          "Queues a job that writes the report's rows for the criteria, as the export API would"
              + " stream them, into a file kept for EXPORTS_JOB_KEEP_SECONDS. Poll the job; once"
              + " done, download its file and check it against the manifest.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewJob.class)))
  @APIResponse(
      responseCode = "202",
      description = "queued; Location is the job",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @APIResponse(
      responseCode = "400",
      description = "a problem document naming the field (the criteria's as the export API names them)",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "403", description = "a foreign account_id")
  @APIResponse(
      responseCode = "429",
      description = "EXPORTS_JOB_LIMIT_PER_ACCOUNT jobs of the account are unfinished; see Retry-After")
  public Response create(String body) {
    JsonObject object = JsonBody.object(body);
    ExportJob job;
    try {
      job =
          jobs.submit(
              JsonBody.text(object, "report").orElse(null),
              JsonBody.parameters(object, "criteria"),
              JsonBody.text(object, "format").orElse(null),
              requester());
    } catch (ForeignAccountException e) {
      throw new ForbiddenException(e.getMessage());
    } catch (ExportsBusyException e) {
      throw new WebApplicationException(
          e.getMessage(),
          Response.status(429).header("Retry-After", e.retryAfterSeconds()).build());
    }
    return Response.accepted(view(job)).location(self(job)).type(MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A job: its state, progress and, once done, its manifest")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "404", description = "no such job of the caller's")
  public JobView one(@PathParam("id") long id) {
    return view(visible(id));
  }

  @GET
  @Path("{id}/file")
  @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/x-ndjson"})
  @Operation(
      summary = "A done job's file",
      description =
          "The whole file, or the one byte range Range asks for (bytes=a-b, bytes=a-, bytes=-n):"
              + " a cut download resumes where it stopped. The ETag is the SHA-256 of the whole"
              + " file; If-Range with it makes sure the pieces are of one file.")
  @Parameter(name = "Range", in = ParameterIn.HEADER, description = "one byte range")
  @Parameter(name = "If-Range", in = ParameterIn.HEADER, description = "the ETag of the file")
  @APIResponse(responseCode = "200", description = "the whole file (Accept-Ranges: bytes)")
  @APIResponse(responseCode = "206", description = "the range, with Content-Range")
  @APIResponse(responseCode = "404", description = "no such job of the caller's")
  @APIResponse(responseCode = "409", description = "the job is not done (yet, or it failed)")
  @APIResponse(responseCode = "416", description = "the range starts past the end; Content-Range: bytes */size")
  public Response file(
      @PathParam("id") long id,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    ExportJob job = visible(id);
    if (job.state() != JobState.DONE) {
      throw new ClientErrorException(
          "the job is " + name(job.state()) + "; its file can be downloaded once it is done",
          Response.Status.CONFLICT);
    }
    JobManifest manifest = job.manifest().orElseThrow();
    long size = manifest.bytes();
    EntityTag tag = new EntityTag(manifest.sha256());
    Optional<ByteRange> wanted;
    try {
      // A range of another version of the file would splice two files: then the whole one.
      boolean sameFile = ifRange == null || ifRange.strip().equals(tag.toString());
      wanted = sameFile ? ByteRange.parse(range, size) : Optional.empty();
    } catch (ByteRange.Unsatisfiable e) {
      throw new WebApplicationException(
          e.getMessage(),
          Response.status(416)
              .header("Content-Range", ByteRange.unsatisfied(size))
              .header("Accept-Ranges", "bytes")
              .build());
    }
    ByteRange bytes = wanted.orElse(null);
    long first = bytes == null ? 0 : bytes.first();
    long last = bytes == null ? size - 1 : bytes.last();
    StreamingOutput body =
        out -> {
          if (last >= first) {
            jobs.copy(job, first, last, out);
          }
        };
    ExportFormat format = jobs.formatOf(job);
    Response.ResponseBuilder answer =
        (bytes == null ? Response.ok(body) : Response.status(206).entity(body))
            .type(format.mediaType() + "; charset=UTF-8")
            .header("Content-Length", last - first + 1)
            .header("Accept-Ranges", "bytes")
            .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
            .tag(tag);
    if (bytes != null) {
      answer.header("Content-Range", bytes.contentRange(size));
    }
    return answer.build();
  }

  private ExportJob visible(long id) {
    return jobs.find(id, requester()).orElseThrow(() -> new NotFoundException("no export job " + id));
  }

  private Requester requester() {
    return new Requester(caller.isOperator(), caller.accountId());
  }

  private URI self(ExportJob job) {
    return uri.getBaseUriBuilder().path("export-jobs").path(String.valueOf(job.id())).build();
  }

  private JobView view(ExportJob job) {
    String self = self(job).toString();
    ManifestView manifest =
        job.manifest()
            .map(
                m ->
                    new ManifestView(
                        m.rows(),
                        m.bytes(),
                        m.sha256(),
                        m.catalogueVersion(),
                        job.fileName(),
                        view(jobs.criteria(job)),
                        new Ingestion(
                            m.ingested().seq(), m.ingested().receivedAt().orElse(null), m.takenAt())))
            .orElse(null);
    return new JobView(
        job.id(),
        job.report(),
        job.format(),
        name(job.state()),
        job.reason().orElse(null),
        new Progress(job.rowsWritten()),
        job.createdAt(),
        job.startedAt().orElse(null),
        job.finishedAt().orElse(null),
        job.expiresAt().orElse(null),
        manifest,
        new Links(self, job.state() == JobState.DONE ? self + "/file" : null));
  }

  private static CriteriaView view(JobCriteria criteria) {
    return new CriteriaView(
        criteria.report(),
        criteria.from().orElse(null),
        criteria.to().orElse(null),
        criteria.tz(),
        criteria.campaignIds(),
        criteria.agentIds(),
        criteria.accountIds().orElse(null),
        criteria.delimiter(),
        criteria.bom(),
        criteria.decimal(),
        criteria.columns().isEmpty() ? null : criteria.columns());
  }

  private static String name(JobState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
