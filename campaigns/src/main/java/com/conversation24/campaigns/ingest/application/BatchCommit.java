package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.envelope.StoredEnvelope;
import com.conversation24.campaigns.ingest.spi.EventAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges one read batch against the log and applies it, in a transaction of its own: when the
 * answer leaves, the log and every context's facts are committed together, and a failure anywhere
 * stores nothing of the batch.
 */
@ApplicationScoped
public class BatchCommit {

  @Inject Clock clock;

  @Inject EventLog log;

  @Inject Event<EventsAccepted> accepted;


  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public IngestAnswer judgeAndApply(List<IngestLine> lines) {
    Set<String> ids = new LinkedHashSet<>();
    for (IngestLine line : lines) {
      if (line instanceof DecodedLine decoded) {
        ids.add(decoded.id());
      }
    }
    BatchVerdict verdict = BatchVerdict.judge(lines, log.fingerprintsOf(ids));
    if (!verdict.toApply().isEmpty()) {
      List<EventLog.Entry> entries = new ArrayList<>(verdict.accepted());
      for (DecodedLine line : verdict.toApply()) {
        entries.add(new EventLog.Entry(line.envelope(), StoredEnvelope.write(line.envelope())));
      }
      Map<String, Long> seqs = log.append(entries, clock.instant());
      List<EventAccepted> events = new ArrayList<>(verdict.accepted());
      for (int i = 0; i < entries.size(); i++) {
        DecodedLine line = verdict.toApply().get(i);
        events.add(
            new EventAccepted(
                line.event(), line.envelope(), seqs.get(line.id())));
      }
      accepted.fire(new EventsAccepted(events));
    }
    return verdict.answer();
  }
}
