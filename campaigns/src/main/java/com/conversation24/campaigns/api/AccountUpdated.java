package com.conversation24.campaigns.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code account.updated}: creates or renames an account. */
public record AccountUpdated(String eventId, Instant at, long accountId, String name)
    implements PlatformEvent {}
