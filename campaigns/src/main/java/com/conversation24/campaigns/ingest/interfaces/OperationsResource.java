package com.conversation24.campaigns.ingest.interfaces;

import com.conversation24.campaigns.ingest.application.IngestionService;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformClock;
import com.conversation24.campaigns.platform.PlatformMode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Operators' maintenance: rebuilding every context's facts from the event log; in development
 * mode, setting the platform clock (container tests of schedules).
 */
@Path("operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

  /** How many log rows the rebuild replayed. */
  public record Rebuilt(long replayed) {}

  /** The clock's reading. */
  public record ClockReading(Instant now) {}

  @Inject IngestionService ingestion;

  @Inject PlatformClock platformClock;

  @Inject PlatformMode mode;

  @Inject Clock clock;

  @POST
  @Path("rebuild")
  public Rebuilt rebuild() {
    return new Rebuilt(ingestion.rebuild());
  }

  /** Body: the instant, as RFC 3339 text in a JSON string ({@code "2026-10-24T04:59:58Z"}). */
  @PUT
  @Path("clock")
  @Consumes(MediaType.APPLICATION_JSON)
  public ClockReading setClock(String body) {
    if (mode.production()) {
      throw new ForbiddenException("the clock is set only in development mode (EXPORTS_MODE=development)");
    }
    String text = body == null ? "" : body.strip();
    if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
      throw new InvalidInputException("body", "an instant as a JSON string");
    }
    try {
      platformClock.set(Instant.parse(text.substring(1, text.length() - 1)));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("body", "an instant as a JSON string: " + e.getMessage());
    }
    return new ClockReading(clock.instant());
  }

  @DELETE
  @Path("clock")
  public ClockReading resetClock() {
    platformClock.reset();
    return new ClockReading(clock.instant());
  }
}
