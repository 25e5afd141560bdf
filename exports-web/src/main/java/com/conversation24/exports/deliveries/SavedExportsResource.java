package com.conversation24.exports.deliveries;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.deliveries.SavedExports.Created;
import com.conversation24.exports.deliveries.SavedExports.LoggedDelivery;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.infrastructure.JsonBody;
import com.conversation24.exports.links.LinkManager;
import com.conversation24.exports.reports.Report;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Saved exports and their deliveries (issue 19): admins create, replace, pause, resume, delete and
 * send them now; viewers and operators (every account's) read them and their delivery log.
 * Another account's id is 404.
 */
@Path("saved-exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saved exports", description = "Reports delivered by email or signed webhook on a schedule")
public class SavedExportsResource {

  /** What to create or replace; documents the body, which is read by hand for field-precise errors. */
  @Schema(name = "NewSavedExport")
  public record NewSavedExport(
      @Schema(required = true, description = "a name for the list and the mail's subject") String label,
      @Schema(required = true, example = "agent-performance") String report,
      @Schema(description = "export parameters as for public links: range or from/to, tz (the schedule's zone too),"
          + " chatcampaign_id, agent_id, columns, delimiter, decimal, bom",
          example = "{\"range\":\"last_7_days\",\"tz\":\"Europe/Amsterdam\"}")
          Map<String, Object> criteria,
      @Schema(enumeration = {"csv", "json", "ndjson", "xlsx"}, defaultValue = "csv") String format,
      @Schema(required = true) ScheduleView schedule,
      @Schema(required = true) DestinationView destination) {}

  @Schema(name = "DeliverySchedule")
  public record ScheduleView(
      @Schema(required = true, enumeration = {"daily", "weekly", "monthly"}) String every,
      @Schema(required = true, description = "local time HH:MM in the criteria's tz", example = "07:00") String at,
      @Schema(description = "weekly: monday to sunday") String weekday,
      @Schema(description = "monthly: 1 to 31; past a month's end, its last day") Integer day,
      @Schema(description = "the criteria's tz (read only)") String zone) {}

  @Schema(name = "DeliveryDestination")
  public record DestinationView(
      @Schema(required = true, enumeration = {"email", "webhook"}) String type,
      @Schema(description = "email: the addresses") List<String> to,
      @Schema(description = "webhook: an https URL (production mode: not this server, loopback or link-local)")
          String url) {}

  public record SavedExportView(
      long id,
      long accountId,
      String label,
      String report,
      String reportTitle,
      Map<String, List<String>> criteria,
      String format,
      ScheduleView schedule,
      DestinationView destination,
      @Schema(enumeration = {"active", "paused", "failing"}) String state,
      int failures,
      Instant nextRunAt,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /** A saved export as created; a webhook's secret is shown here only. */
  public record CreatedView(SavedExportView savedExport, String webhookSecret) {}

  public record AttemptView(
      int n,
      Instant at,
      String destination,
      @Schema(enumeration = {"delivered", "failed", "interrupted"}) String outcome,
      Long rows,
      Long bytes,
      String sha256,
      @Schema(description = "the HTTP status, or the SMTP reply code") Integer status,
      @Schema(description = "the start of the receiver's body, or the SMTP reply") String answer) {}

  public record DeliveryView(
      long id,
      String deliveryId,
      Instant period,
      boolean manual,
      @Schema(enumeration = {"queued", "sending", "delivered", "failed"}) String state,
      int attempts,
      Instant createdAt,
      Instant finishedAt,
      Long rows,
      Long bytes,
      String sha256,
      String outcome,
      List<AttemptView> log) {}

  @Inject SavedExports savedExports;

  @Inject CurrentCaller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a saved export (admins)", description = "A webhook's signing secret is in this answer only.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewSavedExport.class)))
  @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CreatedView.class)))
  @APIResponse(responseCode = "400", description = "a problem document naming the field")
  @APIResponse(responseCode = "403", description = "not an admin of an account")
  public Response create(String body) {
    LinkManager manager = manager();
    Created created = permitted(() -> savedExports.create(request(body), manager));
    return Response.status(Response.Status.CREATED).entity(created(created)).build();
  }

  @GET
  @Operation(summary = "List saved exports, newest first")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SavedExportView.class)))
  public List<SavedExportView> list(@QueryParam("accountId") Long accountId) {
    return savedExports.list(reader(), accountId == null ? OptionalLong.empty() : OptionalLong.of(accountId)).stream()
        .map(SavedExportsResource::view)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One saved export")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SavedExportView.class)))
  @APIResponse(responseCode = "404", description = "no such saved export of the caller's")
  public SavedExportView one(@PathParam("id") long id) {
    return savedExports.find(id, reader()).map(SavedExportsResource::view).orElseThrow(NotFoundException::new);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a saved export (admins)", description = "A webhook keeps its secret; a new webhook gets one, in this answer only.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewSavedExport.class)))
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreatedView.class)))
  @APIResponse(responseCode = "400", description = "a problem document naming the field")
  @APIResponse(responseCode = "404", description = "no such saved export of the caller's")
  public CreatedView replace(@PathParam("id") long id, String body) {
    LinkManager manager = manager();
    return permitted(() -> savedExports.edit(id, request(body), manager))
        .map(SavedExportsResource::created)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/pause")
  @Operation(summary = "Pause: no scheduled delivery until resumed")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SavedExportView.class)))
  public SavedExportView pause(@PathParam("id") long id) {
    LinkManager manager = manager();
    return permitted(() -> savedExports.pause(id, true, manager)).map(SavedExportsResource::view).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/resume")
  @Operation(summary = "Resume from the next occurrence (the paused periods are not made up)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SavedExportView.class)))
  public SavedExportView resume(@PathParam("id") long id) {
    LinkManager manager = manager();
    return permitted(() -> savedExports.pause(id, false, manager)).map(SavedExportsResource::view).orElseThrow(NotFoundException::new);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a saved export with its delivery log")
  @APIResponse(responseCode = "204", description = "deleted")
  @APIResponse(responseCode = "404", description = "no such saved export of the caller's")
  public Response delete(@PathParam("id") long id) {
    LinkManager manager = manager();
    if (!permitted(() -> savedExports.delete(id, manager))) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/send")
  @Operation(summary = "Send now, outside the schedule", description = "The delivery is queued; follow it in the log.")
  @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", description = "no such saved export of the caller's")
  public Response sendNow(@PathParam("id") long id) {
    LinkManager manager = manager();
    Delivery delivery = permitted(() -> savedExports.sendNow(id, manager)).orElseThrow(NotFoundException::new);
    return Response.accepted(view(delivery, List.of())).build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(summary = "The delivery log, newest first (at most 50 deliveries, each with its attempts)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", description = "no such saved export of the caller's")
  public List<DeliveryView> deliveries(@PathParam("id") long id) {
    return savedExports.log(id, reader()).orElseThrow(NotFoundException::new).stream()
        .map((LoggedDelivery d) -> view(d.delivery(), d.attempts()))
        .toList();
  }

  private LinkManager manager() {
    return LinkManager.of(caller)
        .filter(m -> !m.operator())
        .orElseThrow(() -> new ForbiddenException("saved exports are managed by an admin of the account"));
  }

  private Requester reader() {
    return new Requester(caller.isOperator(), caller.accountId());
  }

  private static <T> T permitted(Supplier<T> action) {
    try {
      return action.get();
    } catch (NotPermittedException e) {
      throw new ForbiddenException(e.getMessage());
    }
  }

  /** The body, read by hand so that each wrong field is named. */
  static SavedExportRequest request(String body) {
    JsonObject object = JsonBody.object(body);
    JsonObject schedule = member(object, "schedule");
    JsonObject destination = member(object, "destination");
    return new SavedExportRequest(
        JsonBody.text(object, "label"),
        JsonBody.text(object, "report"),
        JsonBody.parameters(object, "criteria"),
        JsonBody.text(object, "format"),
        text(schedule, "schedule", "every"),
        text(schedule, "schedule", "at"),
        text(schedule, "schedule", "weekday"),
        text(schedule, "schedule", "day"),
        text(destination, "destination", "type"),
        texts(destination, "destination", "to"),
        text(destination, "destination", "url"));
  }

  private static JsonObject member(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidInputException(name, "required");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException(name, "an object");
    }
    return value.asJsonObject();
  }

  /** A string or a whole number, as text. */
  private static Optional<String> text(JsonObject object, String parent, String name) {
    JsonValue value = object.get(name);
    String field = parent + "." + name;
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    return switch (value.getValueType()) {
      case STRING -> Optional.of(((JsonString) value).getString());
      case NUMBER -> Optional.of(((JsonNumber) value).toString());
      default -> throw new InvalidInputException(field, "a string");
    };
  }

  private static List<String> texts(JsonObject object, String parent, String name) {
    JsonValue value = object.get(name);
    String field = parent + "." + name;
    List<String> texts = new ArrayList<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return texts;
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      texts.add(((JsonString) value).getString());
      return texts;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(field, "a string or an array of strings");
    }
    for (JsonValue item : value.asJsonArray()) {
      if (item.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidInputException(field, "a string or an array of strings");
      }
      texts.add(((JsonString) item).getString());
    }
    return texts;
  }

  static SavedExportView view(SavedExport e) {
    DestinationView destination =
        e.destination() instanceof Destination.Email email
            ? new DestinationView("email", email.to(), null)
            : new DestinationView("webhook", null, ((Destination.Webhook) e.destination()).url().toString());
    ScheduleView schedule =
        new ScheduleView(
            switch (e.schedule().every()) {
              case DAY -> "daily";
              case WEEK -> "weekly";
              case MONTH -> "monthly";
            },
            e.schedule().at().toString(),
            e.schedule().weekday().map(DayOfWeek::name).map(w -> w.toLowerCase(Locale.ROOT)).orElse(null),
            e.schedule().day().orElse(null),
            e.schedule().zone().getId().equals("Z") ? "UTC" : e.schedule().zone().getId());
    return new SavedExportView(
        e.id(), e.accountId(), e.label(), e.report(),
        Report.named(e.report()).map(Report::title).orElse(e.report()),
        e.criteria().parameters(), e.format(), schedule, destination, e.state(), e.failures(),
        e.paused() ? null : e.nextRunAt(), e.createdBy(), e.createdAt(), e.updatedAt());
  }

  private static CreatedView created(Created created) {
    return new CreatedView(view(created.export()), created.webhookSecret().orElse(null));
  }

  static DeliveryView view(Delivery d, List<DeliveryAttempt> attempts) {
    return new DeliveryView(
        d.id(), d.deliveryId(), d.period(), d.manual(), d.state().name().toLowerCase(Locale.ROOT),
        d.attempts(), d.createdAt(), d.finishedAt().orElse(null), boxed(d.rows()), boxed(d.bytes()),
        d.sha256().orElse(null), d.outcome().orElse(null),
        attempts.stream()
            .map(a -> new AttemptView(
                a.n(), a.at(), a.destination(), a.outcome(), boxed(a.rows()), boxed(a.bytes()),
                a.sha256().orElse(null), a.status().isPresent() ? a.status().getAsInt() : null,
                a.answer().orElse(null)))
            .toList());
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
