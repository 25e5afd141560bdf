package com.conversation24.campaigns.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Problem} where no JAX-RS exception mapper can: in the authentication mechanism,
 * in filters and servlets, on the container's error pages. The same members as the mapper's
 * documents.
 */
public final class ProblemResponse {

  private ProblemResponse() {}

  /**
   * Whether a path (after the context path) is the API's, where every answer is a problem
   * document and credentials are bearer tokens: {@code /api/*} and the OpenAPI document.
   */
  public static boolean isApiPath(String path) {
    return path.startsWith("/api/") || path.equals("/openapi") || path.startsWith("/openapi/");
  }

  /** The response's status, type and body become the problem's; it is committed. */
  public static void send(HttpServletResponse response, Problem problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    byte[] body = json(problem).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** 503 with {@code Retry-After}: the database is unreachable. */
  public static void sendDatabaseUnavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    send(response, Problem.of(503, "Service Unavailable", DatabaseUnavailable.DETAIL));
  }

  static String json(Problem problem) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", problem.type())
            .add("title", problem.title())
            .add("status", problem.status());
    if (problem.detail() != null) {
      json.add("detail", problem.detail());
    }
    if (problem.field() != null) {
      json.add("field", problem.field());
    }
    return json.build().toString();
  }
}
