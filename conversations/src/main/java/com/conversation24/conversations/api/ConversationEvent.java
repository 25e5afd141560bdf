package com.conversation24.conversations.api;

import com.conversation24.campaigns.platform.PlatformEvent;

/** An event of one conversation (one chat, keyed by session id). */
public sealed interface ConversationEvent extends PlatformEvent
    permits ConversationStarted,
        ConversationAssigned,
        MessagePosted,
        ConversationClosed,
        SurveySubmitted,
        SuccessCodeSet,
        GoalReached,
        VisitorBlocked {

  String sessionId();
}
