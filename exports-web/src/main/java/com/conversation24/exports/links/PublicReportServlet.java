package com.conversation24.exports.links;

import com.conversation24.campaigns.platform.ClientAddresses;
import com.conversation24.campaigns.platform.DatabaseUnavailable;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportFormat;
import com.conversation24.exports.export.ExportsBusyException;
import com.conversation24.exports.export.ReportDownload;
import com.conversation24.exports.infrastructure.PlainPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A public link: {@code /public/reports/<token>} answers the link's report as CSV, {@code
 * /public/reports/<token>.json} as JSON and {@code <token>.xlsx} as XLSX, to anyone, without
 * credentials (web.xml leaves {@code /public/*} open). The query string is never read: the stored
 * criteria are the only criteria. Every dead or unknown token gets the same 404, byte for byte: a
 * problem document, or for a browser (it asks for {@code text/html}) a page in the console's
 * layout.
 */
@WebServlet("/public/reports/*")
public class PublicReportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PublicReportServlet.class.getName());

  private static final String JSON_SUFFIX = ".json";
  private static final String XLSX_SUFFIX = ".xlsx";
  private static final String PROBLEM = "application/problem+json";
  private static final String NOT_FOUND =
      "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}";
  private static final String TOO_MANY =
      "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429}";
  private static final String FAILED =
      "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}";
  private static final String UNAVAILABLE =
      "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";

  @Inject transient PublicLinkService links;

  @Inject transient ClientAddresses clients;

  @Inject transient ReportDownload download;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    keepPrivate(response);
    String token = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    ExportFormat format = ExportFormat.CSV;
    if (token.endsWith(JSON_SUFFIX)) {
      format = ExportFormat.JSON;
      token = token.substring(0, token.length() - JSON_SUFFIX.length());
    } else if (token.endsWith(XLSX_SUFFIX)) {
      format = ExportFormat.XLSX;
      token = token.substring(0, token.length() - XLSX_SUFFIX.length());
    }
    String client = clients.of(request);
    PublicAnswer answer;
    try {
      answer = links.open(token, client);
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.among(e)) {
        throw e;
      }
      unavailable(response);
      return;
    }
    if (answer instanceof PublicAnswer.Limited limited) {
      response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
      problem(response, 429, TOO_MANY);
      return;
    }
    if (!(answer instanceof PublicAnswer.Served served)) {
      if (format == ExportFormat.CSV && browser(request)) {
        // A person who opened the link in a browser reads a page; clients keep the problem.
        PlainPage.send(
            response,
            request.getContextPath(),
            HttpServletResponse.SC_NOT_FOUND,
            "This link does not work",
            "<p id=\"error-detail\">The link was revoked, has expired, or was never issued."
                + " Ask whoever gave it to you for a new one.</p>",
            false);
        return;
      }
      problem(response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
      return;
    }
    ExportCriteria export = served.export();
    response.setContentType(format.contentType());
    if (format.download()) {
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"" + export.fileName(format) + "\"");
    }
    try {
      download.write(export, format, response.getOutputStream(), response);
    } catch (ExportsBusyException e) {
      response.reset();
      keepPrivate(response);
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      problem(response, 429, TOO_MANY);
    } catch (ReportDownload.Failed e) {
      LOG.log(
          Level.SEVERE,
          "public link " + served.link().id() + " failed while writing",
          e.getCause());
      try {
        links.failed(served.link(), client);
      } catch (RuntimeException notNoted) {
        e.getCause().addSuppressed(notNoted);
      }
      if (e.afterFirstByte()) {
        e.rethrowFault();
      }
      response.reset();
      keepPrivate(response);
      if (DatabaseUnavailable.among(e)) {
        unavailable(response);
      } else {
        problem(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, FAILED);
      }
    }
  }

  /** A browser's navigation asks for HTML first; an API client asks for CSV or anything. */
  static boolean browser(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static void unavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
  }

  /** Not cached, not indexed, and the URL (the token) not passed on to other sites. */
  private static void keepPrivate(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
  }

  private static void problem(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(PROBLEM);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
