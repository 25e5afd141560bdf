package com.conversation24.campaigns.access.infrastructure;

import com.conversation24.campaigns.platform.Problem;
import com.conversation24.campaigns.platform.ProblemResponse;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a state change of the API that rides on the console's session cookie unless the
 * browser says it comes from this site: {@code Origin} equal to this site's origin (the one the
 * request was sent to, or {@code EXPORTS_PUBLIC_BASE_URL}'s), or, where a browser sends no
 * {@code Origin}, {@code Sec-Fetch-Site: same-origin}. {@code SameSite=Lax} alone lets a page of a
 * sibling domain, or a top-level POST in some browsers, use the session. Calls with an {@code
 * Authorization} header are not affected: a page of another site cannot add one without a CORS
 * preflight, which this application never grants, and the cookie is not what authenticates them.
 */
@WebFilter(
    urlPatterns = {"/api/*", "/openapi", "/openapi/*"},
    asyncSupported = true)
public class CrossSiteRequestGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL", defaultValue = "http://localhost:8080")
  transient String publicBaseUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SAFE.contains(request.getMethod())
        || request.getHeader("Authorization") != null
        || request.getUserPrincipal() == null
        || fromThisSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponse.send(
        response,
        new Problem(
            "about:blank",
            "Forbidden",
            403,
            "a change made with the console's session must come from this site's pages"
                + " (Origin); scripts use an API token",
            "Origin"));
  }

  private boolean fromThisSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }
    String sent = origin.strip().toLowerCase(Locale.ROOT);
    String host = request.getHeader("Host");
    if (host != null
        && sent.equals((request.getScheme() + "://" + host).toLowerCase(Locale.ROOT))) {
      return true;
    }
    return originOf(publicBaseUrl).map(sent::equals).orElse(false);
  }

  /** {@code scheme://host[:port]} of a URL, as browsers write an Origin. */
  static Optional<String> originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of((uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
