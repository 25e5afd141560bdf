package com.conversation24.exports.interfaces.web;

import com.conversation24.campaigns.api.DatabaseUnavailable;
import com.conversation24.campaigns.api.Problem;
import com.conversation24.campaigns.api.ProblemResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml): what answers when no resource did, such as the API's 401,
 * a 404 for a path nothing serves, a request the container could not parse, or a servlet that
 * threw. API paths get a problem document, console paths a short page; both carry the security
 * headers (the filter runs on the ERROR dispatch too). A failure caused by an unreachable database
 * is a 503 with {@code Retry-After}, as everywhere else.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(413, "Content Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(503, "Service Unavailable"));

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String text ? text.substring(request.getContextPath().length()) : "";
    if (thrown instanceof Throwable failure) {
      if (DatabaseUnavailable.among(failure)) {
        status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      } else {
        LOG.log(Level.SEVERE, "request for " + path + " failed", failure);
        status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      }
    }
    String title = TITLES.getOrDefault(status, "Error");
    String detail = status == 503 ? DatabaseUnavailable.DETAIL : null;
    if (ProblemResponse.isApiPath(path)) {
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"exports\"");
      }
      ProblemResponse.send(response, new Problem("about:blank", title, status, detail, null));
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("text/html; charset=UTF-8");
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
            + status
            + " "
            + title
            + " · Conversation24 exports</title></head><body><h1>"
            + title
            + "</h1><p>"
            + (detail == null ? "" : detail + ". ")
            + "<a href=\""
            + request.getContextPath()
            + "/\">Back to the console</a></p></body></html>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
