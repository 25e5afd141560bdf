package com.conversation24.agents.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code agent.updated}: creates or changes a profile. Absent optional fields keep their earlier
 * value (latest wins field by field); {@code maxChats} defaults to 3 when never sent.
 */
public record AgentUpdated(
    String eventId,
    Instant at,
    long agentId,
    long accountId,
    String username,
    Optional<String> firstname,
    Optional<String> lastname,
    Optional<String> email,
    OptionalInt maxChats)
    implements PlatformEvent {}
