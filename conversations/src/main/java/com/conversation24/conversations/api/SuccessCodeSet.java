package com.conversation24.conversations.api;

import java.time.Instant;

/** {@code conversation.success_code_set}: the latest one counts. */
public record SuccessCodeSet(String eventId, Instant at, String sessionId, String code)
    implements ConversationEvent {}
