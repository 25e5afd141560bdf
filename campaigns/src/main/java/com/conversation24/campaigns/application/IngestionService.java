package com.conversation24.campaigns.application;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.BatchStored;
import com.conversation24.campaigns.api.ingest.BatchVerdict;
import com.conversation24.campaigns.api.ingest.DecodedLine;
import com.conversation24.campaigns.api.ingest.EventAccepted;
import com.conversation24.campaigns.api.ingest.EventBatchReader;
import com.conversation24.campaigns.api.ingest.EventDecoder;
import com.conversation24.campaigns.api.ingest.EventDecoders;
import com.conversation24.campaigns.api.ingest.IngestAnswer;
import com.conversation24.campaigns.api.ingest.IngestLine;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes a batch of events into the log and hands each accepted one to the contexts, all in one
 * transaction: when the answer leaves, the log and every context's facts are committed together,
 * and a failure anywhere stores nothing of the batch (the client resends it).
 */
@ApplicationScoped
@Transactional
public class IngestionService {

  private static final int REPLAY_PAGE = 1_000;

  @Inject Clock clock;

  @Inject Instance<EventDecoder> decoderBeans;

  @Inject EventLog log;

  @Inject Event<EventAccepted> accepted;

  @Inject Event<RebuildStarted> rebuildStarted;

  @Inject Event<BatchStored> batchStored;

  private final BatchLimits limits = BatchLimits.ofTheSpec();

  private EventBatchReader reader;

  private EventDecoders decoders;

  @PostConstruct
  void prepare() {
    List<EventDecoder> all = decoderBeans.stream().toList();
    reader = new EventBatchReader(clock, all);
    decoders = new EventDecoders(all);
  }

  /** An {@code application/x-ndjson} body. */
  public IngestAnswer ingestNdjson(byte[] body) {
    return ingest(body, reader::readNdjson);
  }

  /**
   * An {@code application/json} body.
   *
   * @throws com.conversation24.campaigns.api.ingest.MalformedBatchException when it is not one
   *     JSON array
   */
  public IngestAnswer ingestJsonArray(byte[] body) {
    return ingest(body, reader::readJsonArray);
  }

  /** Forgets every context's facts and derives them again from the whole log, in log order. */
  public long rebuild() {
    rebuildStarted.fire(new RebuildStarted());
    long replayed = 0;
    long after = 0;
    for (List<EventLog.Logged> page = log.page(after, REPLAY_PAGE);
        !page.isEmpty();
        page = log.page(after, REPLAY_PAGE)) {
      for (EventLog.Logged row : page) {
        PlatformEvent event = decoders.decode(row.envelope());
        accepted.fire(new EventAccepted(event, row.envelope()));
        after = row.seq();
        replayed++;
      }
    }
    batchStored.fire(new BatchStored((int) Math.min(Integer.MAX_VALUE, replayed)));
    return replayed;
  }

  private IngestAnswer ingest(byte[] body, Function<byte[], List<IngestLine>> read) {
    List<IngestLine> lines = read.apply(body);
    limits.checkCount(lines);
    Set<String> ids = new LinkedHashSet<>();
    for (IngestLine line : lines) {
      if (line instanceof DecodedLine decoded) {
        ids.add(decoded.id());
      }
    }
    BatchVerdict verdict = BatchVerdict.judge(lines, log.fingerprintsOf(ids));
    log.append(verdict.toApply(), clock.instant());
    for (DecodedLine line : verdict.toApply()) {
      accepted.fire(new EventAccepted(line.event(), line.envelope()));
    }
    batchStored.fire(new BatchStored(verdict.toApply().size()));
    return verdict.answer();
  }
}
