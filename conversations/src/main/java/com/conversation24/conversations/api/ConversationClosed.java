package com.conversation24.conversations.api;

import java.time.Instant;
import java.util.OptionalLong;

/** {@code conversation.closed}: the chat is over; agentId is informative only. */
public record ConversationClosed(String eventId, Instant at, String sessionId, OptionalLong agentId)
    implements ConversationEvent {}
