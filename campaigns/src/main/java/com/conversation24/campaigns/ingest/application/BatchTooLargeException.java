package com.conversation24.campaigns.ingest.application;

/**
 * A body over {@link EventBatchReader#MAX_BODY_BYTES} or with more than {@link
 * EventBatchReader#MAX_EVENTS} events: nothing of it is stored, and the REST layer answers 413.
 */
public final class BatchTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BatchTooLargeException(String reason) {
    super(reason);
  }
}
