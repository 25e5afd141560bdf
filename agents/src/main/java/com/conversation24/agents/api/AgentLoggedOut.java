package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code agent.logged_out}: ends that work shift; the agent goes offline in every campaign. */
public record AgentLoggedOut(String eventId, Instant at, long agentId, String workshiftId)
    implements PlatformEvent {}
