package com.conversation24.campaigns.access.infrastructure;

import com.conversation24.campaigns.access.application.SignInThrottle;
import com.conversation24.campaigns.platform.ClientAddresses;
import com.conversation24.campaigns.platform.DatabaseUnavailable;
import com.conversation24.campaigns.platform.ProblemResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The one authentication mechanism (see package doc). {@code /api/*} and {@code /openapi} are
 * stateless: a bearer token on every request, 401 without a valid one. Everything else is the console: a POST to
 * {@code /signin} signs in and registers the caller with a new session (the request then goes on
 * to the sign-in servlet, which sends it back where it came from); an anonymous request for a
 * protected page is sent to the sign-in page. A signed-in console session may also call the API
 * (the console downloads CSV from it; {@code CrossSiteRequestGuard} refuses its state changes from
 * other sites). Bearer calls never create a session. Sign-in attempts pass the {@link
 * SignInThrottle} first; an unreachable database is a 503, not a 500 without a body.
 */
@ApplicationScoped
public class PlatformAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String SIGN_IN_PAGE = "/login.xhtml";
  /** Where the sign-in form posts. */
  public static final String SIGN_IN_ACTION = "/signin";
  /** The session attribute holding the page to return to after sign-in. */
  public static final String RETURN_TO = "com.conversation24.signin.returnTo";

  /**
   * The session attribute holding the signed-in caller's groups. Payara restores the caller of a
   * registered session on another member (the session is in the data grid) but not its groups, so
   * the console would answer 403 after a member's death (measured, decision 26); the groups kept
   * in the session itself travel with it.
   */
  public static final String CALLER_GROUPS = "com.conversation24.signin.groups";

  private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
  private static final int TOO_MANY_REQUESTS = 429;

  /** Request attribute: the seconds the sign-in page tells a throttled caller to wait. */
  public static final String SIGN_IN_WAIT = "signInWaitSeconds";

  @Inject IdentityStoreHandler identityStores;

  @Inject SignInThrottle throttle;

  @Inject ClientAddresses clients;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Principal registered = request.getUserPrincipal();
    if (registered != null) {
      return resumeSession(registered, request, context);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    try {
      // The API and its OpenAPI document: bearer tokens, never a redirect to the sign-in page.
      if (ProblemResponse.isApiPath(path)) {
        return bearer(request, response, context);
      }
      if (SIGN_IN_ACTION.equals(path) && "POST".equals(request.getMethod())) {
        return signIn(request, context);
      }
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.among(e)) {
        throw e;
      }
      return databaseUnavailable(response);
    }
    if (context.isProtected()) {
      String query = request.getQueryString();
      request.getSession(true).setAttribute(RETURN_TO, path + (query == null ? "" : "?" + query));
      return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus bearer(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return context.isProtected() ? unauthorized(response, context) : context.doNothing();
    }
    CredentialValidationResult result =
        identityStores.validate(new BearerCredential(header.substring(7).trim()));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      return context.notifyContainerAboutLogin(result);
    }
    return unauthorized(response, context);
  }

  private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
    String username = request.getParameter("j_username");
    String password = request.getParameter("j_password");
    if (username == null || password == null) {
      return refuseSignIn(request, context);
    }
    String address = clients.of(request);
    Optional<Duration> wait = throttle.waitBefore(username, address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
      request.setAttribute(SIGN_IN_WAIT, seconds);
      context.getResponse().setHeader("Retry-After", Long.toString(seconds));
      context.getResponse().setStatus(TOO_MANY_REQUESTS);
      return context.forward(SIGN_IN_PAGE);
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, new Password(password)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(username, address);
      return refuseSignIn(request, context);
    }
    throttle.succeeded(username);
    request.getSession(true);
    // A new session id after sign-in (no session fixation).
    request.changeSessionId();
    request.getSession().setAttribute(CALLER_GROUPS, new HashSet<>(result.getCallerGroups()));
    context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
    return context.notifyContainerAboutLogin(result);
  }

  /** The caller registered with the session at sign-in, with the groups kept beside it. */
  private static AuthenticationStatus resumeSession(
      Principal caller, HttpServletRequest request, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    Object groups = session == null ? null : session.getAttribute(CALLER_GROUPS);
    try {
      Callback principal = new CallerPrincipalCallback(context.getClientSubject(), caller);
      context
          .getHandler()
          .handle(
              groups instanceof Set<?> names
                  ? new Callback[] {
                    principal,
                    new GroupPrincipalCallback(
                        context.getClientSubject(),
                        names.stream().map(String::valueOf).toArray(String[]::new))
                  }
                  : new Callback[] {principal});
      return AuthenticationStatus.SUCCESS;
    } catch (IOException | UnsupportedCallbackException e) {
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  /** 401 with the sign-in page again, saying why (no redirect: the status tells scripts too). */
  private static AuthenticationStatus refuseSignIn(
      HttpServletRequest request, HttpMessageContext context) {
    request.setAttribute("signInRefused", Boolean.TRUE);
    context.getResponse().setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    return context.forward(SIGN_IN_PAGE);
  }

  /**
   * 503 with {@code Retry-After}, as the problem mapper answers: written and committed here, since
   * no resource runs after a failed authentication.
   */
  private static AuthenticationStatus databaseUnavailable(HttpServletResponse response) {
    try {
      ProblemResponse.sendDatabaseUnavailable(response);
    } catch (IOException e) {
      // the client is gone
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"exports\"");
    return context.responseUnauthorized();
  }
}
