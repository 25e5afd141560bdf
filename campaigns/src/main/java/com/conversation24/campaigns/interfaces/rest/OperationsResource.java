package com.conversation24.campaigns.interfaces.rest;

import com.conversation24.campaigns.application.IngestionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators' maintenance: rebuilding every context's facts from the event log. */
@Path("operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

  /** How many log rows the rebuild replayed. */
  public record Rebuilt(long replayed) {}

  @Inject IngestionService ingestion;

  @POST
  @Path("rebuild")
  public Rebuilt rebuild() {
    return new Rebuilt(ingestion.rebuild());
  }
}
