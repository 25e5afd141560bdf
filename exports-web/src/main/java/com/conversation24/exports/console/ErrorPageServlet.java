package com.conversation24.exports.console;

import com.conversation24.campaigns.platform.DatabaseUnavailable;
import com.conversation24.campaigns.platform.Problem;
import com.conversation24.campaigns.platform.ProblemResponse;
import com.conversation24.exports.infrastructure.PlainPage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml): what answers when no resource did, such as the API's 401,
 * a 404 for a path nothing serves, a request the container could not parse, or a servlet that
 * threw. API paths get a problem document, console paths a page in the console's layout
 * ({@link PlainPage}); both carry the security headers (the filter runs on the ERROR dispatch
 * too). A failure caused by an unreachable database is a 503 with {@code Retry-After}, as
 * everywhere else.
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

  /** The console's headings for what went wrong, in plain words. */
  private static final Map<Integer, String> HEADINGS =
      Map.of(
          403, "Not for your role",
          404, "Page not found",
          500, "Something went wrong",
          503, "The console is not available right now");

  private static final Map<Integer, String> WORDS =
      Map.of(
          403,
          "This page is for the account's admins. Ask an admin of your account if you need it.",
          404,
          "There is no page at this address, or it is not one your account can see.",
          500,
          "The console could not finish this request. Please try again; if it happens again, tell"
              + " the platform's operators the time it happened.",
          429,
          "Too many requests in a short time. Please wait a moment and try again.");

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
    String home = request.getContextPath() + "/index.xhtml";
    PlainPage.send(
        response,
        request.getContextPath(),
        status,
        HEADINGS.getOrDefault(status, title),
        "<p id=\"error-detail\">"
            + PlainPage.escape(detail == null ? WORDS.getOrDefault(status, "") : detail + ".")
            + "</p><p>"
            + PlainPage.link(home, "Back to Exports")
            + "</p>",
        true);
  }
}
