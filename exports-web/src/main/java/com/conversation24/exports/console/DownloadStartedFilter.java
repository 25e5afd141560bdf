package com.conversation24.exports.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * Lets the Exports page tell when a download it started has begun: when the console's request to
 * the export API carries {@code download_token}, a successful answer sets a short-lived cookie
 * with that token as its body starts (the page polls for it and ends its busy indicator).
 */
@WebFilter(urlPatterns = "/api/exports/*", asyncSupported = true)
public class DownloadStartedFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String PARAMETER = "download_token";
  static final String COOKIE = "c24download";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{8,64}");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String token = request.getParameter(PARAMETER);
    if (token == null || !TOKEN.matcher(token).matches()) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(request, new Announcing(response, token, request.getContextPath()));
  }

  private static final class Announcing extends HttpServletResponseWrapper {
    private final String token;
    private final String path;
    private boolean announced;

    Announcing(HttpServletResponse response, String token, String contextPath) {
      super(response);
      this.token = token;
      this.path = contextPath.isEmpty() ? "/" : contextPath;
    }

    private void announce() {
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (!announced && !response.isCommitted() && response.getStatus() < 400) {
        announced = true;
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath(path);
        cookie.setMaxAge(120);
        // Read by the page's script, so not HttpOnly; it carries nothing secret.
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      announce();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      announce();
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      announce();
      super.flushBuffer();
    }
  }
}
