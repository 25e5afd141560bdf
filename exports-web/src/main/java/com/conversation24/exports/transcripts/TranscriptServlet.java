package com.conversation24.exports.transcripts;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Serves {@code /transcripts/<session_id>} with the transcript page. */
@WebServlet("/transcripts/*")
public class TranscriptServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String sessionId = path.substring(1);
    request
        .getRequestDispatcher(
            "/transcript.xhtml?session=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))
        .forward(request, response);
  }
}
