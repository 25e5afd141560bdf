package com.conversation24.conversations.application;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import com.conversation24.campaigns.api.ingest.RecordingOrder;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.conversations.api.ConversationsRecorded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores the accepted events of conversations (chats, messages, surveys, goals, blocks), then
 * publishes them as this context's record of the batch, in log order. Both happen synchronously in
 * the log's transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class ConversationFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<ConversationsRecorded> published;

  void record(@Observes @Priority(RecordingOrder.CONVERSATIONS) EventsAccepted batch) {
    List<PlatformEvent> stored = ConversationFacts.TABLE.recordOwned(dataSource, batch);
    if (!stored.isEmpty()) {
      published.fire(
          new ConversationsRecorded(
              stored.stream().map(ConversationEvent.class::cast).toList()));
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    ConversationFacts.TABLE.clear(dataSource);
  }
}
