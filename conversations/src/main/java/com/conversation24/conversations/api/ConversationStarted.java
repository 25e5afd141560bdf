package com.conversation24.conversations.api;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code conversation.started}: the chat is established; {@code at} is conversation_start. */
public record ConversationStarted(
    String eventId,
    Instant at,
    String sessionId,
    long campaignId,
    String visitorId,
    long entryPointId,
    OptionalLong hostId,
    Optional<String> visitorIdentifier,
    Optional<String> acceptUrl,
    Optional<Instant> sessionStartedAt,
    Optional<Instant> entryPointShownAt)
    implements ConversationEvent {}
