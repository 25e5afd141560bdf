package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code agent.logged_in}: a work shift starts (and ends any open shift of the agent). */
public record AgentLoggedIn(String eventId, Instant at, long agentId, String workshiftId)
    implements PlatformEvent {}
