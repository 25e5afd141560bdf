package com.conversation24.campaigns.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API here, as {@code application/problem+json}. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof InvalidInputException invalid) {
      return problem(Problem.invalid(invalid.field(), invalid.getMessage()), null);
    }
    if (error instanceof WebApplicationException web) {
      Response original = web.getResponse();
      int status = original.getStatus();
      String title = Response.Status.fromStatusCode(status) == null
          ? "Error"
          : Response.Status.fromStatusCode(status).getReasonPhrase();
      String detail = web.getMessage() == null ? title : web.getMessage();
      return problem(Problem.of(status, title, detail), original);
    }
    if (isUnreadableBody(error)) {
      // JSON-B could not make the expected object of the body: malformed JSON, an array, a
      // member of the wrong type. The client's mistake, not the server's.
      return problem(Problem.invalid("body", "body: a JSON object of the documented members"), null);
    }
    if (DatabaseUnavailable.among(error)) {
      LOG.log(Level.WARNING, "database unreachable: {0}", String.valueOf(error));
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .entity(Problem.of(503, "Service Unavailable", DatabaseUnavailable.DETAIL))
          .type(Problem.MEDIA_TYPE)
          .build();
    }
    if (error instanceof UnsupportedOperationException missing) {
      return problem(Problem.of(501, "Not Implemented", missing.getMessage()), null);
    }
    LOG.log(Level.SEVERE, "unexpected error", error);
    return problem(Problem.of(500, "Internal Server Error", "unexpected error; see the server log"), null);
  }

  private static boolean isUnreadableBody(Throwable error) {
    if (error instanceof JsonbException) {
      return true;
    }
    if (!(error instanceof ProcessingException)) {
      return false;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  private static Response problem(Problem problem, Response original) {
    Response.ResponseBuilder builder =
        original == null ? Response.status(problem.status()) : Response.fromResponse(original);
    return builder.status(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
  }
}
