package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code agent.state_changed}: presence of the agent in one campaign. */
public record AgentStateChanged(
    String eventId, Instant at, long agentId, long campaignId, PresenceState state)
    implements PlatformEvent {}
