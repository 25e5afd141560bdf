package com.conversation24.conversations.application;

import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.campaigns.api.ingest.EventsAccepted;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Stores the accepted events of conversations (chats, messages, surveys, goals, blocks), then
 * publishes each as this context's record, in log order. Both happen synchronously in the log's
 * transaction, so the facts commit or roll back with the log.
 */
@ApplicationScoped
public class ConversationFactsRecorder {

  @Inject DataSource dataSource;

  @Inject Event<Object> published;

  void record(@Observes EventsAccepted batch) {
    for (PlatformEvent event : ConversationFacts.TABLE.recordOwned(dataSource, batch)) {
      published.fire(event);
    }
  }

  void forget(@Observes RebuildStarted rebuild) {
    ConversationFacts.TABLE.clear(dataSource);
  }
}
