package com.conversation24.exports.testing;

import com.conversation24.agents.interfaces.ingest.AgentEventTypes;
import com.conversation24.campaigns.ingest.application.BatchVerdict;
import com.conversation24.campaigns.ingest.application.EventBatchReader;
import com.conversation24.campaigns.ingest.application.IngestLine;
import com.conversation24.campaigns.interfaces.ingest.CampaignEventTypes;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.interfaces.ingest.ConversationEventTypes;
import com.conversation24.traffic.interfaces.ingest.TrafficEventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The worked example of the spec ({@code examples/events.ndjson}) as the events a server would
 * store: read as one NDJSON batch by the real reader and decoders, with nothing stored before,
 * keeping the first arrival of each id and dropping duplicates and rejected lines.
 */
public final class ExampleLog {

  /** When the expected files were made; nothing in the example depends on it but "future". */
  public static final Instant MADE_AT = Instant.parse("2026-11-24T00:00:00Z");

  private static final String EVENTS = "/examples/events.ndjson";

  private static List<IngestLine> lines;
  private static List<PlatformEvent> events;

  private ExampleLog() {}

  /** The accepted events in file order (not in {@link PlatformEvent#ORDER}). */
  public static synchronized List<PlatformEvent> events() {
    if (events == null) {
      events = BatchVerdict.judge(lines(), Map.of()).events();
    }
    return events;
  }

  /** Every line of the file as the reader judged it, before duplicates are judged. */
  public static synchronized List<IngestLine> lines() {
    if (lines == null) {
      lines = List.copyOf(reader().readNdjson(bytes(EVENTS)));
    }
    return lines;
  }

  /** The reader with the clock at {@link #MADE_AT} and the decoders of the four contexts. */
  public static EventBatchReader reader() {
    return new EventBatchReader(
        Clock.fixed(MADE_AT, ZoneOffset.UTC),
        List.of(
            CampaignEventTypes.DECODER,
            AgentEventTypes.DECODER,
            ConversationEventTypes.DECODER,
            TrafficEventTypes.DECODER));
  }

  static byte[] bytes(String resource) {
    try (InputStream in = ExampleLog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
