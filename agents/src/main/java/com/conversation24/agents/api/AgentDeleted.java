package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code agent.deleted}: the agent stays in reports, flagged. */
public record AgentDeleted(String eventId, Instant at, long agentId) implements PlatformEvent {}
