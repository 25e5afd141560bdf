package com.conversation24.traffic.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code entrypoint.clicked}: the visitor clicked the button or invite. */
public record EntryPointClicked(String eventId, Instant at, long entryPointId, String visitorId)
    implements PlatformEvent {}
