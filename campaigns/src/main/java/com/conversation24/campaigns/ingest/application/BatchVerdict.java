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
    Map<String, DecodedLine> firstInBatch = new HashMap<>();
    List<DecodedLine> toApply = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    int duplicates = 0;
    List<IngestLine> inLineOrder = new ArrayList<>(lines);
    inLineOrder.sort(Comparator.comparingInt(IngestLine::line));
    for (IngestLine line : inLineOrder) {
      if (line instanceof RejectedLine rejection) {
        rejected.add(rejection);
      } else if (line instanceof DecodedLine decoded) {
        Optional<String> earlier = earlierFingerprint(decoded, storedFingerprints, firstInBatch);
        if (earlier.isEmpty()) {
          toApply.add(decoded);
        } else if (earlier.get().equals(decoded.fingerprint().value())) {
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

  /**
   * The fingerprint of the event this line's id already names, stored or earlier in the batch
   * (which the line then becomes, when it is the first); computed only when there is one.
   */
  private static Optional<String> earlierFingerprint(
      DecodedLine line, Map<String, String> stored, Map<String, DecodedLine> firstInBatch) {
    String storedFingerprint = stored.get(line.id());
    if (storedFingerprint != null) {
      return Optional.of(storedFingerprint);
    }
    DecodedLine first = firstInBatch.putIfAbsent(line.id(), line);
    return first == null ? Optional.empty() : Optional.of(first.fingerprint().value());
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
