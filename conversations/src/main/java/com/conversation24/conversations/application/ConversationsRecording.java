package com.conversation24.conversations.application;

import com.conversation24.campaigns.ingest.spi.RecordedEvents;
import com.conversation24.campaigns.ingest.spi.RecordingOrder;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.conversations.api.ConversationsRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The events of conversations (chats, messages, surveys, goals, blocks), kept in {@code
 * conversations_fact} under their session, published as {@link ConversationsRecorded}.
 */
@ApplicationScoped
public class ConversationsRecording {

  @Produces
  RecordedEvents<ConversationsRecorded> owned() {
    return new RecordedEvents<>(
        RecordingOrder.CONVERSATIONS,
        ConversationFacts.TABLE,
        stored -> new ConversationsRecorded(stored.stream().map(ConversationEvent.class::cast).toList()));
  }
}
