package com.conversation24.exports.application;

import com.conversation24.campaigns.api.ingest.BatchStored;
import com.conversation24.campaigns.api.ingest.RebuildStarted;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.exports.infrastructure.ConversationRowStore;
import com.conversation24.exports.infrastructure.ReceiptStore;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.conversations.Conversation;
import com.conversation24.exports.reports.conversations.ConversationRow;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.timelines.Receipts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the Conversations projection and the receipts: every conversation event a context
 * publishes marks its session, and once the batch is stored (still in its transaction), each
 * marked session's row and receipts are computed again from all of that session's stored facts.
 * A late or out-of-order event therefore changes exactly the rows it touches, and the rows
 * commit or roll back with the events.
 */
@ApplicationScoped
public class ConversationProjection {

  /** Sessions computed and stored at a time: a rebuild touches every session. */
  private static final int SLICE = 500;

  /**
   * The sessions the running batch touched. A batch is stored on one thread, from its first
   * event to {@link BatchStored}, which empties the set; a batch that failed half way can leave
   * sessions behind, and projecting them again with the next batch is harmless (a row is always
   * computed from all of its session's facts). Per thread rather than transaction-scoped: the
   * transaction scope costs a JNDI lookup per event, 9% of ingestion (docs/benchmarks.md).
   */
  private final ThreadLocal<Set<String>> touched = ThreadLocal.withInitial(LinkedHashSet::new);

  @Inject ConversationFacts facts;

  @Inject ConversationRowStore store;

  @Inject ReceiptStore receipts;

  void touch(@Observes ConversationEvent event) {
    touched.get().add(event.sessionId());
  }

  void project(@Observes BatchStored batch) {
    List<String> sessions = new ArrayList<>(touched.get());
    touched.remove();
    for (int i = 0; i < sessions.size(); i += SLICE) {
      project(sessions.subList(i, Math.min(sessions.size(), i + SLICE)));
    }
  }

  private void project(List<String> sessionIds) {
    ReportFacts sessions = ReportFacts.of(facts.ofSessions(sessionIds));
    List<ConversationRow> rows =
        Conversation.all(sessions).stream().map(ConversationsReport::figures).toList();
    store.replace(rows);
    receipts.replace(sessionIds, Receipts.of(sessions).all());
  }

  void forget(@Observes RebuildStarted rebuild) {
    store.clear();
    receipts.clear();
  }
}
