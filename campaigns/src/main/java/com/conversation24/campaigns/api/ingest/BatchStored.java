package com.conversation24.campaigns.api.ingest;

/**
 * Fired once a batch's accepted events (or a rebuild's replay) have all been stored and published,
 * still in that transaction: what is derived from many events at once (a report's projection) is
 * brought up to date here, once per batch instead of once per event.
 */
public record BatchStored(int events) {}
