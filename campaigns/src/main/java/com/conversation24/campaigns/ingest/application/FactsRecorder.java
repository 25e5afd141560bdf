package com.conversation24.campaigns.ingest.application;

import com.conversation24.campaigns.ingest.api.RebuildStarted;
import com.conversation24.campaigns.ingest.api.RecordingOpened;
import com.conversation24.campaigns.ingest.api.RecordingSealed;
import com.conversation24.campaigns.ingest.spi.RecordedEvents;
import com.conversation24.campaigns.ingest.spi.RecordingOrder;
import com.conversation24.campaigns.platform.PlatformEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores each context's share of an accepted batch in its fact table, then publishes it as that
 * context's record of the batch, context after context in {@link RecordingOrder}: a reader of one
 * context's records sees the earlier contexts' already. All of it happens synchronously in the
 * log's transaction, so the facts commit or roll back with the log. What each context owns is
 * its {@link RecordedEvents}, a bean of its own. The recording is bracketed by {@link
 * RecordingOpened} and {@link RecordingSealed}, so that no other room needs the raw batch.
 */
@ApplicationScoped
public class FactsRecorder {

  @Inject DataSource dataSource;

  @Inject Instance<RecordedEvents<?>> declared;

  @Inject Event<Object> published;

  private List<RecordedEvents<?>> contexts;

  @PostConstruct
  void order() {
    contexts =
        declared.stream().sorted(Comparator.comparingInt(context -> context.order())).toList();
  }

  void record(@Observes EventsAccepted batch) {
    published.fire(new RecordingOpened());
    for (RecordedEvents<?> context : contexts) {
      List<PlatformEvent> stored = context.table().recordOwned(dataSource, batch.events());
      if (!stored.isEmpty()) {
        published.fire(context.record().apply(stored));
      }
    }
    published.fire(new RecordingSealed());
  }

  void forget(@Observes RebuildStarted rebuild) {
    contexts.forEach(context -> context.table().clear(dataSource));
  }
}
