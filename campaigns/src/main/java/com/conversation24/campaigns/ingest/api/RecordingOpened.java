package com.conversation24.campaigns.ingest.api;

/**
 * Fired synchronously in the ingesting transaction (of a batch, or a page of a replay) before the
 * first context records its share: an observer that numbers or marks what the contexts write
 * opens its mark here.
 */
public record RecordingOpened() {}
