package com.conversation24.campaigns.ingest.api;

/**
 * Fired synchronously in the ingesting transaction after the last context recorded its share and
 * published its record of the batch: the transaction's last writes may follow here.
 */
public record RecordingSealed() {}
