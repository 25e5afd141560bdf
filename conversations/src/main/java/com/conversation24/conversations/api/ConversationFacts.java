package com.conversation24.conversations.api;

import com.conversation24.campaigns.ingest.spi.EventDecoder;
import com.conversation24.campaigns.ingest.spi.EventDecoders;
import com.conversation24.campaigns.ingest.spi.FactTable;
import com.conversation24.campaigns.platform.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only query port: the stored facts of conversations (chats, messages, surveys, goals,
 * blocks), as the published records. Decoded again from the stored envelopes on each call, so a
 * record always means what the decoder makes of it now.
 */
@ApplicationScoped
public class ConversationFacts {

  /** The context's fact table, written by its recorder and read here. */
  public static final FactTable TABLE =
      new FactTable(
          "conversations_fact",
          ConversationStarted.class,
          event ->
              event instanceof ConversationEvent c
                  ? Optional.of(c.sessionId())
                  : Optional.empty());

  @Inject DataSource dataSource;

  @Inject Instance<EventDecoder> decoders;

  /**
   * The stored facts of these sessions as committed now, waiting for batches in flight that add
   * to them: what the ingesting transaction derives a session's rows from.
   */
  public List<PlatformEvent> currentOfSessions(Collection<String> sessionIds) {
    return TABLE.ofEntities(dataSource, new EventDecoders(decoders), sessionIds, true);
  }

  /** The stored facts of these sessions only, in the order of EVENTS.md. */
  public List<PlatformEvent> ofSessions(Collection<String> sessionIds) {
    return TABLE.ofEntities(dataSource, new EventDecoders(decoders), sessionIds);
  }
}
