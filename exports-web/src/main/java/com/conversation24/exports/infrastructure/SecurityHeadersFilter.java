package com.conversation24.exports.infrastructure;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response, error pages included (the container's own answers, a 401
 * of the API or a 404, come through the console's {@code ErrorPageServlet} on an ERROR dispatch). Faces pages get their Content-Security-Policy from
 * PrimeFaces' CSP mode (a nonce per response, {@code primefaces.CSP_POLICY} in web.xml); every
 * other response (API, CSV, servlets) gets a policy that allows nothing to run or frame it.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String NOTHING_ACTIVE =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!rendersPage(request.getRequestURI().substring(request.getContextPath().length()))) {
      response.setHeader("Content-Security-Policy", NOTHING_ACTIVE);
    }
    chain.doFilter(request, response);
  }

  /** Faces pages, their resources and the paths forwarded to them: PrimeFaces sets the policy. */
  static boolean rendersPage(String path) {
    return path.isEmpty()
        || path.equals("/")
        || path.endsWith(".xhtml")
        || path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/transcripts/");
  }
}
