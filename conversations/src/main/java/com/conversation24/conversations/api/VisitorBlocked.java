package com.conversation24.conversations.api;

import java.time.Instant;

/** {@code visitor.blocked}: the agent bans the visitor in this conversation. */
public record VisitorBlocked(
    String eventId, Instant at, String sessionId, long agentId, String reason)
    implements ConversationEvent {}
