package com.conversation24.conversations.api;

import java.time.Instant;
import java.util.OptionalLong;

/** {@code conversation.message}: a message with its text; agentId is present for agents. */
public record MessagePosted(
    String eventId,
    Instant at,
    String sessionId,
    MessageAuthor author,
    OptionalLong agentId,
    String text)
    implements ConversationEvent {}
