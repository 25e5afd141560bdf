package com.conversation24.exports.reports.traffic;

import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.exports.reports.StoredEvents;
import com.conversation24.exports.reports.conversations.Conversation;
import com.conversation24.traffic.api.EntryPointClicked;
import com.conversation24.traffic.api.EntryPointViewed;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import com.conversation24.traffic.api.PageViewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How many events of one counter an entry point had at one instant: a single event at its own
 * instant, or a quarter hour's events at the quarter's start ({@link QuarterHours}). The Traffic
 * and Automatic invites reports add tallies up per clock hour; they read the same either way.
 */
public record EntryPointTally(long entryPointId, Instant at, TrafficCounter counter, long count) {

  public EntryPointTally {
    if (count < 1) {
      throw new IllegalArgumentException("a tally counts at least one event: " + count);
    }
  }

  /** One event. */
  public static EntryPointTally one(long entryPointId, Instant at, TrafficCounter counter) {
    return new EntryPointTally(entryPointId, at, counter, 1);
  }

  /** Every traffic event of the facts (each id once) and every conversation's start (a chat), one tally each. */
  public static List<EntryPointTally> all(ReportFacts facts) {
    List<EntryPointTally> tallies = new ArrayList<>();
    for (PlatformEvent event : StoredEvents.of(facts, PlatformEvent.class)) {
      tallies.addAll(of(event));
    }
    for (Conversation conversation : Conversation.all(facts)) {
      ConversationStarted started = conversation.started();
      tallies.add(one(started.entryPointId(), started.at(), TrafficCounter.CHATS));
    }
    return tallies;
  }

  /** The tallies sorted by their instants (a stable sort: equal instants keep their order). */
  public static List<EntryPointTally> inTimeOrder(Iterable<EntryPointTally> tallies) {
    List<EntryPointTally> sorted = new ArrayList<>();
    tallies.forEach(sorted::add);
    sorted.sort(java.util.Comparator.comparing(EntryPointTally::at));
    return sorted;
  }

  /**
   * What one traffic event counts (nothing for other events). A page view is a visit of each entry
   * point it lists, once even when listed twice. Chats are counted from conversations, not here.
   */
  public static List<EntryPointTally> of(PlatformEvent event) {
    if (event instanceof PageViewed view) {
      return new LinkedHashSet<>(view.entryPointIds())
          .stream().map(id -> one(id, view.at(), TrafficCounter.VISITS)).toList();
    } else if (event instanceof EntryPointViewed viewed) {
      return List.of(one(viewed.entryPointId(), viewed.at(), TrafficCounter.VIEWS));
    } else if (event instanceof EntryPointClicked clicked) {
      return List.of(one(clicked.entryPointId(), clicked.at(), TrafficCounter.CLICKS));
    } else if (event instanceof InviteOutcomeRecorded outcome) {
      return List.of(one(outcome.entryPointId(), outcome.at(), TrafficCounter.of(outcome.outcome())));
    }
    return List.of();
  }
}
