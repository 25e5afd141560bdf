package com.conversation24.conversations.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The conversations context's records of one batch, in log order, published once the batch's
 * facts are stored, still in its transaction: after the campaigns and agents contexts' records of
 * the batch.
 */
public record ConversationsRecorded(List<ConversationEvent> events) {

  public ConversationsRecorded {
    events = List.copyOf(events);
  }

  /** The sessions the batch touched, in the order first touched. */
  public Set<String> sessions() {
    Set<String> sessions = new LinkedHashSet<>();
    for (ConversationEvent event : events) {
      sessions.add(event.sessionId());
    }
    return sessions;
  }
}
