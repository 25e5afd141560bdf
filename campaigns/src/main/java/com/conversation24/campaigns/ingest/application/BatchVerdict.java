package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch judged against the events already stored: which decoded lines to apply (in line order),
 * how many were duplicates, and every rejected line, the reused ids included.
 */
public record BatchVerdict(List<DecodedLine> toApply, int duplicates, List<RejectedLine> rejected) {

  public BatchVerdict {
    toApply = List.copyOf(toApply);
    rejected = List.copyOf(rejected);
    if (duplicates < 0) {
      throw new IllegalArgumentException("duplicates cannot be negative");
    }
  }

  /**
   * A pure function of the batch and of what is stored. An id seen before (stored, or earlier in
   * this batch) with the same fingerprint is a duplicate; with another fingerprint the line is
   * rejected and the first arrival stays, so arrival order decides only in that case.
   *
   * @param storedFingerprints id to {@link ContentFingerprint#value()} of the events stored
   */
  public static BatchVerdict judge(
      List<? extends IngestLine> lines, Map<String, String> storedFingerprints) {
    Map<String, String> known = new HashMap<>(storedFingerprints);
    List<DecodedLine> toApply = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    int duplicates = 0;
    List<IngestLine> inLineOrder = new ArrayList<>(lines);
    inLineOrder.sort(Comparator.comparingInt(IngestLine::line));
    for (IngestLine line : inLineOrder) {
      if (line instanceof RejectedLine rejection) {
        rejected.add(rejection);
      } else if (line instanceof DecodedLine decoded) {
        String fingerprint = decoded.fingerprint().value();
        String earlier = known.putIfAbsent(decoded.id(), fingerprint);
        if (earlier == null) {
          toApply.add(decoded);
        } else if (earlier.equals(fingerprint)) {
          duplicates++;
        } else {
          rejected.add(
              new RejectedLine(
                  decoded.line(),
                  Optional.of(decoded.id()),
                  "id",
                  "reused with different content"));
        }
      }
    }
    return new BatchVerdict(toApply, duplicates, rejected);
  }

  public int accepted() {
    return toApply.size();
  }

  /** The events to apply, in line order. */
  public List<PlatformEvent> events() {
    return toApply.stream().map(DecodedLine::event).toList();
  }

  public IngestAnswer answer() {
    return new IngestAnswer(
        accepted(), duplicates, rejected.stream().map(RejectedEvent::of).toList());
  }
}
