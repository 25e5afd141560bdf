package com.conversation24.app.simulator;

import com.conversation24.agents.interfaces.ingest.AgentEventTypes;
import com.conversation24.campaigns.ingest.application.BatchVerdict;
import com.conversation24.campaigns.ingest.application.DecodedLine;
import com.conversation24.campaigns.ingest.application.EventBatchReader;
import com.conversation24.campaigns.ingest.application.IngestLine;
import com.conversation24.campaigns.ingest.application.RejectedEvent;
import com.conversation24.campaigns.interfaces.ingest.CampaignEventTypes;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.interfaces.ingest.ConversationEventTypes;
import com.conversation24.traffic.interfaces.ingest.TrafficEventTypes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines taken in as the server takes them: NDJSON batches of at most 10,000 events through the
 * same reader, the four contexts' decoders and the same duplicate judge, with what earlier batches
 * stored counting as stored.
 */
record Ingested(long accepted, long duplicates, List<RejectedEvent> rejected, List<PlatformEvent> events) {

  static Ingested of(List<String> lines, Instant serverClock) {
    EventBatchReader reader =
        new EventBatchReader(
            Clock.fixed(serverClock, ZoneOffset.UTC),
            List.of(
                CampaignEventTypes.DECODER,
                AgentEventTypes.DECODER,
                ConversationEventTypes.DECODER,
                TrafficEventTypes.DECODER));
    Map<String, String> stored = new HashMap<>();
    List<PlatformEvent> events = new ArrayList<>();
    List<RejectedEvent> rejected = new ArrayList<>();
    long accepted = 0;
    long duplicates = 0;
    for (int from = 0; from < lines.size(); from += EventBatchReader.MAX_EVENTS) {
      List<String> batch = lines.subList(from, Math.min(lines.size(), from + EventBatchReader.MAX_EVENTS));
      List<IngestLine> read = reader.readNdjson(String.join("\n", batch) + "\n");
      BatchVerdict verdict = BatchVerdict.judge(read, stored);
      for (DecodedLine line : verdict.toApply()) {
        stored.put(line.id(), line.fingerprint().value());
        events.add(line.event());
      }
      accepted += verdict.accepted();
      duplicates += verdict.duplicates();
      rejected.addAll(verdict.answer().rejected());
    }
    return new Ingested(accepted, duplicates, List.copyOf(rejected), List.copyOf(events));
  }
}
