package com.conversation24.exports.infrastructure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A page written without Faces (the error page, a dead public link opened in a browser) in the
 * console's layout: its stylesheet, its top bar, a heading and a few sentences. No script: its
 * Content-Security-Policy allows the console's own stylesheet and nothing active.
 */
public final class PlainPage {

  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'self'";

  private PlainPage() {}

  /**
   * Writes the page with this status.
   *
   * @param navigation whether to show the console's links (not to visitors of a public link)
   * @param body HTML of the page's text, already escaped
   */
  public static void send(
      HttpServletResponse response,
      String contextPath,
      int status,
      String heading,
      String body,
      boolean navigation)
      throws IOException {
    StringBuilder page = new StringBuilder(1024);
    page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<link rel=\"icon\" href=\"data:,\">")
        .append("<title>")
        .append(escape(heading))
        .append(" · Conversation24</title>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(contextPath)
        .append("/jakarta.faces.resource/css/console.css.xhtml\"></head><body>")
        .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>")
        .append("<header class=\"topbar\"><span class=\"brand\">Conversation24 · Analytics</span>");
    if (navigation) {
      page.append("<nav aria-label=\"Console\" class=\"nav\">")
          .append(link(contextPath + "/index.xhtml", "Exports"))
          .append(link(contextPath + "/dashboard.xhtml", "Dashboard"))
          .append("</nav>");
    }
    page.append("</header><main class=\"content\" id=\"main\"><div class=\"error-page\">")
        .append("<h1 id=\"error-title\">")
        .append(escape(heading))
        .append("</h1><p class=\"status\" id=\"error-status\">Error ")
        .append(status)
        .append("</p>")
        .append(body)
        .append("</div></main></body></html>");
    response.resetBuffer();
    response.setStatus(status);
    response.setHeader("Content-Security-Policy", POLICY);
    response.setContentType("text/html; charset=UTF-8");
    byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  public static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
