package com.conversation24.exports.links;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.Rfc3339Instant;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.infrastructure.JsonBody;
import com.conversation24.exports.reports.Report;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public links for automation: an admin creates, lists, rotates and revokes the links of their
 * account; an operator lists and revokes any account's. A viewer gets 403; another account's link
 * id is 404, so ids say nothing. The URL (it holds the token) is in the answer to creation and
 * rotation only.
 */
@Path("public-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public links", description = "Links that give unauthenticated access to one report")
public class PublicLinksResource {

  /** What to create; documents the body, which is read by hand for field-precise errors. */
  @Schema(name = "NewPublicLink")
  public record NewLink(
      @Schema(required = true, description = "the report's URL name", example = "conversations")
          String report,
      @Schema(
              description =
                  "export parameters the link fixes: range or from/to, tz, chatcampaign_id,"
                      + " agent_id, columns, delimiter, decimal, bom; a string or an array of"
                      + " strings each",
              example = "{\"range\":\"last_7_days\",\"tz\":\"Europe/Amsterdam\"}")
          Map<String, Object> criteria,
      @Schema(description = "a name for the list, at most 190 characters") String label,
      @Schema(description = "RFC 3339 instant after which the link answers 404")
          Instant expiresAt) {}

  /** A link as listed: everything but the token. */
  public record LinkView(
      long id,
      long accountId,
      String report,
      String reportTitle,
      Map<String, List<String>> criteria,
      String label,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant rotatedAt,
      Instant revokedAt,
      Instant lastUsedAt,
      long useCount,
      @Schema(enumeration = {"active", "expired", "revoked"}) String state) {}

  /** A link with its URL, shown this once; {@code jsonUrl} serves the same rows as JSON. */
  public record IssuedView(long id, String url, String jsonUrl, LinkView link) {}

  public record AccessView(
      Instant at,
      @Schema(enumeration = {"served", "unknown", "revoked", "expired", "rate_limited", "failed"})
          String outcome,
      String clientAddress) {}

  public record Revoked(int revoked) {}

  private static final String ACCOUNT_DOC = "operators: one account (all when absent); admins: their own";

  @Inject PublicLinkService links;

  @Inject CurrentCaller caller;

  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a public link (admins)",
      description = "Answers the link's URL, which holds its token: it is shown this once.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = NewLink.class)))
  @APIResponse(
      responseCode = "201",
      description = "created",
      content = @Content(schema = @Schema(implementation = IssuedView.class)))
  @APIResponse(responseCode = "400", description = "a problem document naming the field")
  @APIResponse(responseCode = "403", description = "not an admin of an account")
  public Response create(String body) {
    LinkManager manager = manager();
    IssuedLink issued = permitted(() -> links.create(request(body), manager));
    return Response.status(Response.Status.CREATED).entity(issued(issued)).build();
  }

  @GET
  @Operation(summary = "List public links, newest first")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LinkView.class)))
  public List<LinkView> list(
      @Parameter(description = ACCOUNT_DOC) @QueryParam("accountId") Long accountId) {
    LinkManager manager = manager();
    return permitted(() -> links.list(manager, optional(accountId))).stream()
        .map(this::view)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One public link")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LinkView.class)))
  @APIResponse(responseCode = "404", description = "no such link of the caller's")
  public LinkView one(@PathParam("id") long id) {
    return links.find(id, manager()).map(this::view).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/accesses")
  @Operation(summary = "The link's access log, newest first (at most 200)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccessView.class)))
  @APIResponse(responseCode = "404", description = "no such link of the caller's")
  public List<AccessView> accesses(@PathParam("id") long id) {
    return links.accesses(id, manager()).orElseThrow(NotFoundException::new).stream()
        .map(PublicLinksResource::view)
        .toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke a public link: its URL answers 404 at once")
  @APIResponse(responseCode = "204", description = "revoked (or already was)")
  @APIResponse(responseCode = "404", description = "no such link of the caller's")
  public Response revoke(@PathParam("id") long id) {
    if (!links.revoke(id, manager())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @DELETE
  @Operation(summary = "Revoke every live public link of an account")
  @APIResponse(
      responseCode = "200",
      description = "how many were revoked",
      content = @Content(schema = @Schema(implementation = Revoked.class)))
  public Revoked revokeAll(
      @Parameter(description = "operators: required; admins: their own")
          @QueryParam("accountId")
          Long accountId) {
    LinkManager manager = manager();
    return new Revoked(permitted(() -> links.revokeAll(manager, optional(accountId))));
  }

  @POST
  @Path("{id}/rotate")
  @Operation(
      summary = "Give a link a new token, same settings",
      description = "The old URL answers 404 at once; the new one is shown this once.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = IssuedView.class)))
  @APIResponse(responseCode = "403", description = "not an admin of the link's account (operators list and revoke only)")
  @APIResponse(responseCode = "404", description = "no such link of the caller's")
  @APIResponse(responseCode = "409", description = "the link is revoked")
  public IssuedView rotate(@PathParam("id") long id) {
    LinkManager manager = manager();
    try {
      return permitted(() -> links.rotate(id, manager))
          .map(this::issued)
          .orElseThrow(NotFoundException::new);
    } catch (LinkRevokedException e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
  }

  private LinkManager manager() {
    return LinkManager.of(caller)
        .orElseThrow(() -> new ForbiddenException("public links are managed by admins"));
  }

  private static <T> T permitted(Supplier<T> action) {
    try {
      return action.get();
    } catch (NotPermittedException e) {
      throw new ForbiddenException(e.getMessage());
    }
  }

  private static OptionalLong optional(Long accountId) {
    return accountId == null ? OptionalLong.empty() : OptionalLong.of(accountId);
  }

  /** The body, read by hand so that each wrong field is named (JSON-B would only say "400"). */
  static LinkRequest request(String body) {
    JsonObject object = JsonBody.object(body);
    String report = JsonBody.text(object, "report").orElse(null);
    Map<String, List<String>> criteria = JsonBody.parameters(object, "criteria");
    Optional<Instant> expiresAt =
        JsonBody.text(object, "expiresAt")
            .map(text -> Rfc3339Instant.parse("expiresAt", text));
    return new LinkRequest(report, criteria, JsonBody.text(object, "label"), expiresAt);
  }

  private LinkView view(PublicLink link) {
    return new LinkView(
        link.id(),
        link.accountId(),
        link.report(),
        Report.named(link.report()).map(Report::title).orElse(link.report()),
        link.criteria().parameters(),
        link.label().orElse(null),
        link.createdBy(),
        link.createdAt(),
        link.expiresAt().orElse(null),
        link.rotatedAt().orElse(null),
        link.revokedAt().orElse(null),
        link.lastUsedAt().orElse(null),
        link.useCount(),
        link.stateAt(clock.instant()).name().toLowerCase(Locale.ROOT));
  }

  private IssuedView issued(IssuedLink issued) {
    return new IssuedView(
        issued.link().id(), issued.url(), issued.url() + ".json", view(issued.link()));
  }

  private static AccessView view(LinkAccess access) {
    return new AccessView(
        access.at(), access.outcome().name().toLowerCase(Locale.ROOT), access.clientAddress());
  }
}
