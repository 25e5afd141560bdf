package com.conversation24.conversations.api;

import java.time.Instant;

/** {@code conversation.assigned}: an agent receives the chat (a new receipt). */
public record ConversationAssigned(String eventId, Instant at, String sessionId, long agentId)
    implements ConversationEvent {}
