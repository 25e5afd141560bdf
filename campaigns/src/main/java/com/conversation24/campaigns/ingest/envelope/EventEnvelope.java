package com.conversation24.campaigns.ingest.envelope;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One event as sent, after the envelope rules of EVENTS.md held: id, type, at (ms), data. */
public record EventEnvelope(String id, String type, Instant at, JsonObject data) {}
