package com.conversation24.campaigns.access.interfaces;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.access.application.AccessService;
import com.conversation24.campaigns.access.application.AccessService.IssuedToken;
import com.conversation24.campaigns.access.domain.ApiToken;
import com.conversation24.campaigns.access.domain.ConsoleUser;
import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Accounts' users and API tokens, for operators (any account) and admins (their own account).
 * Token secrets are in the answer to their creation only.
 */
@Path("admin")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

  /** A user to create; the password is hashed and never returned. */
  public record NewUser(String username, String password, String role) {}

  public record CreatedUser(long id, String username, String role, Long accountId) {}

  /** A token to create: its label and role ({@code admin} or {@code viewer}; operators: any). */
  public record NewToken(String label, String role) {}

  public record TokenView(long id, String label, List<String> roles, Long accountId, Instant createdAt, boolean revoked) {}

  @Inject AccessService access;

  @Inject CurrentCaller caller;

  @POST
  @Path("accounts/{accountId}/users")
  public Response createUser(@PathParam("accountId") long accountId, NewUser request) {
    mayManage(accountId);
    if (request == null) {
      throw new InvalidInputException("body", "a JSON object with username, password and role");
    }
    Role role = accountRole(request.role());
    ConsoleUser user = access.createUser(request.username(), request.password(), role, accountId);
    return Response.status(Response.Status.CREATED)
        .entity(new CreatedUser(user.getId(), user.getUsername(), role.roleName(), accountId))
        .build();
  }

  @POST
  @Path("accounts/{accountId}/tokens")
  public Response createToken(@PathParam("accountId") long accountId, NewToken request) {
    mayManage(accountId);
    if (request == null) {
      throw new InvalidInputException("body", "a JSON object with label and role");
    }
    IssuedToken token = access.issueToken(request.label(), List.of(accountRole(request.role())), accountId);
    return Response.status(Response.Status.CREATED).entity(token).build();
  }

  @GET
  @Path("accounts/{accountId}/tokens")
  public List<TokenView> tokens(@PathParam("accountId") long accountId) {
    mayManage(accountId);
    return access.tokensOf(accountId).stream().map(AccessResource::view).toList();
  }

  /** A platform token (operators only): {@code ingest} for the chat engine, or {@code operator}. */
  @POST
  @Path("tokens")
  public Response createPlatformToken(NewToken request) {
    if (!caller.isOperator()) {
      throw new ForbiddenException("platform tokens are for operators");
    }
    if (request == null) {
      throw new InvalidInputException("body", "a JSON object with label and role");
    }
    Role role = parseRole(request.role());
    if (role.accountBound()) {
      throw new InvalidInputException("role", "a platform token is operator or ingest");
    }
    return Response.status(Response.Status.CREATED)
        .entity(access.issueToken(request.label(), List.of(role), null))
        .build();
  }

  @DELETE
  @Path("tokens/{id}")
  public Response revokeToken(@PathParam("id") long id) {
    ApiToken token = access.token(id).orElseThrow(NotFoundException::new);
    boolean allowed =
        caller.isOperator()
            || (token.getAccountId() != null && caller.mayAccess(token.getAccountId()));
    if (!allowed) {
      throw new NotFoundException();
    }
    access.revokeToken(token);
    return Response.noContent().build();
  }

  private void mayManage(long accountId) {
    if (!caller.mayAccess(accountId)) {
      throw new ForbiddenException("not your account");
    }
  }

  private static Role accountRole(String name) {
    Role role = parseRole(name);
    if (!role.accountBound()) {
      throw new InvalidInputException("role", "must be admin or viewer");
    }
    return role;
  }

  private static Role parseRole(String name) {
    if (name == null) {
      throw new InvalidInputException("role", "required");
    }
    try {
      return Role.of(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "must be one of operator, admin, viewer, ingest");
    }
  }

  private static TokenView view(ApiToken t) {
    return new TokenView(
        t.getId(), t.getLabel(), t.getRoles().stream().map(Role::roleName).toList(),
        t.getAccountId(), t.getCreatedAt(), t.isRevoked());
  }
}
