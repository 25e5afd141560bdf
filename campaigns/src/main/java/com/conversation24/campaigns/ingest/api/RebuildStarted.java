package com.conversation24.campaigns.ingest.api;

/**
 * Fired before the log is replayed, in the replay's transaction: every context forgets the facts
 * it derived, so that the replay alone decides what is stored.
 */
public record RebuildStarted() {}
