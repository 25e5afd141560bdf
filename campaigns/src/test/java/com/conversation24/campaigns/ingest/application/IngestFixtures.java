package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.EventData;
import com.conversation24.campaigns.ingest.envelope.EventEnvelope;
import com.conversation24.campaigns.ingest.envelope.JsonText;
import com.conversation24.campaigns.interfaces.ingest.CampaignEventTypes;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared arrangements of the ingestion tests: a fixed clock, one event, one data object. */
final class IngestFixtures {

  static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
  static final Instant AT = Instant.parse("2026-10-23T10:00:00Z");

  private IngestFixtures() {}

  static EventBatchReader reader() {
    return new EventBatchReader(
        Clock.fixed(NOW, ZoneOffset.UTC), List.of(CampaignEventTypes.DECODER));
  }

  /** One {@code account.updated} line with the given id, at and data spelled as JSON. */
  static String accountUpdated(String id, String at, String data) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"account.updated\",\"at\":\""
        + at
        + "\",\"data\":"
        + data
        + "}";
  }

  static IngestLine readOne(String line) {
    List<IngestLine> lines = reader().readNdjson(line);
    if (lines.size() != 1) {
      throw new AssertionError("expected one line, got " + lines);
    }
    return lines.get(0);
  }

  /** The data of an event at {@link #AT}, parsed as the reader parses it. */
  static EventData data(String json) {
    return new EventData(new EventEnvelope("evt-1", "test", AT, (JsonObject) JsonText.parse(json)));
  }
}
