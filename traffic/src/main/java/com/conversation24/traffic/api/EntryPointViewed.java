package com.conversation24.traffic.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code entrypoint.viewed}: the visitor saw the button or invite. */
public record EntryPointViewed(String eventId, Instant at, long entryPointId, String visitorId)
    implements PlatformEvent {}
