package com.conversation24.conversations.api;

import java.time.Instant;
import java.util.Optional;

/** {@code conversation.survey_submitted}: the latest one counts, as a whole. */
public record SurveySubmitted(
    String eventId, Instant at, String sessionId, SurveyResult result, Optional<String> comment)
    implements ConversationEvent {}
