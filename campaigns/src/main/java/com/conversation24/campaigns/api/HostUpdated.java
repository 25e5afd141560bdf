package com.conversation24.campaigns.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code host.updated}: a website of an account. */
public record HostUpdated(String eventId, Instant at, long hostId, long accountId, String hostname)
    implements PlatformEvent {}
