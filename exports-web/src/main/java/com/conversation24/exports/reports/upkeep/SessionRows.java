package com.conversation24.exports.reports.upkeep;

import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.agentperformance.HeldReceipt;
import com.conversation24.exports.reports.conversations.Conversation;
import com.conversation24.exports.reports.conversations.ConversationStore;
import com.conversation24.exports.reports.conversations.ConversationsReport;
import com.conversation24.exports.reports.conversations.SessionFigures;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.slots.ReceiptStore;
import com.conversation24.exports.reports.timelines.Receipt;
import com.conversation24.exports.reports.timelines.Receipts;
import com.conversation24.exports.reports.traffic.TrafficCounter;
import com.conversation24.exports.reports.traffic.TrafficQuarterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each touched session's Conversations row and receipts, and its chat in Traffic: computed
 * again from all of the session's facts (a row depends on its own session's events only), in
 * place of what was kept. A session's rows are locked first, so two batches touching one session
 * take turns.
 */
@ApplicationScoped
public class SessionRows {

  /** Sessions computed and stored at a time: a rebuild touches every session. */
  private static final int SLICE = 500;

  @Inject ConversationFacts facts;

  @Inject ConversationStore conversations;

  @Inject ReceiptStore receipts;

  @Inject TrafficQuarterStore traffic;

  @Inject DirectoryStore directory;

  /**
   * @return the spans of the agents' time whose receipts changed (before and after), for Agent
   *     performance
   */
  public List<AgentWindow> keep(Collection<String> sessionIds) {
    List<String> all = List.copyOf(sessionIds);
    List<AgentWindow> windows = new ArrayList<>();
    for (int i = 0; i < all.size(); i += SLICE) {
      windows.addAll(keepSlice(all.subList(i, Math.min(all.size(), i + SLICE))));
    }
    return windows;
  }

  private List<AgentWindow> keepSlice(List<String> sessionIds) {
    Map<String, ConversationStore.Start> startsBefore = conversations.lockedStarts(sessionIds);
    List<HeldReceipt> receiptsBefore = receipts.lockedOf(sessionIds);

    ReportFacts sessions = ReportFacts.of(facts.currentOfSessions(sessionIds));
    List<SessionFigures> rows =
        Conversation.all(sessions).stream().map(ConversationsReport::figures).toList();
    Receipts derived = Receipts.of(sessions);
    List<HeldReceipt> receiptsAfter =
        derived.all().stream()
            .map(
                r ->
                    new HeldReceipt(
                        r, derived.isLastOfItsConversation(r), derived.survey(r.sessionId())))
            .toList();

    Set<Long> campaigns = new HashSet<>();
    Set<Long> agents = new HashSet<>();
    for (SessionFigures f : rows) {
      campaigns.add(f.campaignId());
      agents.addAll(f.involvedAgentIds());
    }
    Map<Long, Long> campaignAccounts = directory.campaignAccounts(campaigns);
    conversations.replace(rows, campaignAccounts, directory.agentAccounts(agents));
    receipts.replace(sessionIds, receiptsAfter, campaignAccounts);
    countChats(startsBefore, rows);

    Set<HeldReceipt> changed = new LinkedHashSet<>(receiptsBefore);
    Set<HeldReceipt> after = new LinkedHashSet<>(receiptsAfter);
    Set<HeldReceipt> gone = new LinkedHashSet<>(changed);
    gone.removeAll(after);
    after.removeAll(changed);
    List<AgentWindow> windows = new ArrayList<>();
    for (Set<HeldReceipt> side : List.of(gone, after)) {
      for (HeldReceipt held : side) {
        Receipt r = held.receipt();
        windows.add(
            new AgentWindow(
                r.agentId(),
                r.receivedAt().toEpochMilli(),
                r.releasedAt().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE)));
      }
    }
    return windows;
  }

  /** A conversation is a chat of its entry point's quarter hour; a late start moves it. */
  private void countChats(Map<String, ConversationStore.Start> before, List<SessionFigures> rows) {
    Map<TrafficQuarterStore.Quarter, Map<TrafficCounter, Long>> counts = new HashMap<>();
    Set<Long> entryPoints = new HashSet<>();
    for (SessionFigures f : rows) {
      ConversationStore.Start now = new ConversationStore.Start(f.startedAt(), f.entryPointId());
      ConversationStore.Start was = before.get(f.sessionId());
      if (now.equals(was)) {
        continue;
      }
      if (was != null) {
        chat(counts, was, -1);
        entryPoints.add(was.entryPointId());
      }
      chat(counts, now, 1);
      entryPoints.add(now.entryPointId());
    }
    counts.values().removeIf(c -> c.values().stream().allMatch(n -> n == 0));
    if (!counts.isEmpty()) {
      traffic.add(counts, TrafficOwners.of(entryPoints, directory));
    }
  }

  private static void chat(
      Map<TrafficQuarterStore.Quarter, Map<TrafficCounter, Long>> counts,
      ConversationStore.Start start,
      long delta) {
    counts
        .computeIfAbsent(
            TrafficQuarterStore.Quarter.of(start.at(), start.entryPointId()),
            q -> TrafficQuarterStore.counts())
        .merge(TrafficCounter.CHATS, delta, Long::sum);
  }
}
