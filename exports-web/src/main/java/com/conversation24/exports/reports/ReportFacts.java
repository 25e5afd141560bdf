package com.conversation24.exports.reports;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Collection;
import java.util.List;

/**
 * The facts a report is computed from: the stored events in the order of EVENTS.md (at, then id)
 * and the directory of entities they build. Arrival order never matters.
 */
public record ReportFacts(Directory directory, List<PlatformEvent> events) {

  public ReportFacts {
    events = List.copyOf(events);
  }

  public static ReportFacts of(Collection<? extends PlatformEvent> events) {
    List<PlatformEvent> ordered = events.stream().sorted(PlatformEvent.ORDER).map(e -> (PlatformEvent) e).toList();
    return new ReportFacts(Directory.of(ordered), ordered);
  }

  /** The events of one kind, in order. */
  public <T extends PlatformEvent> List<T> all(Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
