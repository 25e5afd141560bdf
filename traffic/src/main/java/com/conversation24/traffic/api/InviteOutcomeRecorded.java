package com.conversation24.traffic.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code invite.outcome}: counted only for entry points of type invite. */
public record InviteOutcomeRecorded(
    String eventId, Instant at, long entryPointId, String visitorId, InviteOutcome outcome)
    implements PlatformEvent {}
