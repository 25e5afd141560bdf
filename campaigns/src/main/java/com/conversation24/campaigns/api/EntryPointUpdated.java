package com.conversation24.campaigns.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code entrypoint.updated}: a chat button or automatic invite of a campaign. */
public record EntryPointUpdated(
    String eventId, Instant at, long entryPointId, long campaignId, String name, EntryPointType type)
    implements PlatformEvent {}
