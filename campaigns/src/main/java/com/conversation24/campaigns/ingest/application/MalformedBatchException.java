package com.conversation24.campaigns.ingest.application;

/**
 * A body that is not a batch at all (an {@code application/json} body that is not one JSON array):
 * nothing of it is judged, and the REST layer answers 400.
 */
public final class MalformedBatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedBatchException(String reason) {
    super(reason);
  }
}
