package com.conversation24.conversations.api;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code conversation.goal_reached}: goals can repeat; value keeps 2 decimals. */
public record GoalReached(String eventId, Instant at, String sessionId, String goal, BigDecimal value)
    implements ConversationEvent {}
