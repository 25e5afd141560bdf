package com.conversation24.conversations.api;

import com.conversation24.campaigns.api.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read-only query port: the stored facts of conversations (every conversation event), as the published records. */
@ApplicationScoped
public class ConversationFacts {

  /** Every stored fact of this context, in the order of EVENTS.md. */
  public List<PlatformEvent> all() {
    throw new UnsupportedOperationException(
        "report data is not stored yet: the ingestion issue wires this port to the database");
  }
}
