package com.conversation24.exports.reports;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored events of one kind, each id once. Ingestion already counts a resent event as a
 * duplicate; figures drop any that slip through so that a resent event is never counted twice.
 */
public final class StoredEvents {

  private StoredEvents() {}

  /** The events of one kind in the order of EVENTS.md, the first of each id kept. */
  public static <T extends PlatformEvent> List<T> of(ReportFacts facts, Class<T> kind) {
    Set<String> seen = new HashSet<>();
    return facts.events().stream()
        .sorted(PlatformEvent.ORDER)
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(e -> seen.add(e.eventId()))
        .toList();
  }
}
