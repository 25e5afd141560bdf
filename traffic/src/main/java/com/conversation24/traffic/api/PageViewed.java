package com.conversation24.traffic.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code page.viewed}: entryPointIds are the entry points present on that page, as sent. */
public record PageViewed(
    String eventId,
    Instant at,
    long campaignId,
    String visitorId,
    OptionalLong hostId,
    Optional<String> url,
    List<Long> entryPointIds)
    implements PlatformEvent {

  public PageViewed {
    entryPointIds = List.copyOf(entryPointIds);
  }
}
