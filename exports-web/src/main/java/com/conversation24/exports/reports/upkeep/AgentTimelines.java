package com.conversation24.exports.reports.upkeep;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.agents.api.AgentLoggedOut;
import com.conversation24.agents.api.AgentStateChanged;
import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.agentactivity.PresenceStore;
import com.conversation24.exports.reports.agentperformance.WorkShiftStore;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.slots.ReceiptStore;
import com.conversation24.exports.reports.timelines.AgentCampaign;
import com.conversation24.exports.reports.timelines.PresenceTimeline;
import com.conversation24.exports.reports.timelines.WorkShift;
import com.conversation24.exports.reports.timelines.WorkShifts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps each agent's work shifts and presence intervals, and the presence its receipts were
 * received in, from the instant the earliest of a batch's login, logout or presence change of the
 * agent happened at, T. Nothing before T changes: which shift a later login or logout ends depends
 * only on the shift open just before T, and whether a later change takes effect only on the state
 * just before T. So the agent's shifts and intervals from T on are derived again from its facts
 * from T on and those two, with the same timelines the reports are defined by, and replace the
 * kept ones from T on.
 */
@ApplicationScoped
public class AgentTimelines {

  @Inject AgentFacts facts;

  @Inject WorkShiftStore shifts;

  @Inject PresenceStore presence;

  @Inject ReceiptStore receipts;

  @Inject DirectoryStore directory;

  /**
   * Derives the timelines of the agents these events are of again, each from its earliest event's
   * instant on.
   *
   * @return the spans of the agents' time whose presence or shifts may have changed
   */
  public List<AgentWindow> keep(List<PlatformEvent> events) {
    Map<Long, Instant> from = new TreeMap<>();
    Set<Long> signingOn = new HashSet<>();
    for (PlatformEvent event : events) {
      OptionalAgent agent = OptionalAgent.of(event);
      if (agent.present()) {
        from.merge(agent.id(), event.at(), (a, b) -> a.isBefore(b) ? a : b);
        if (!(event instanceof AgentStateChanged)) {
          signingOn.add(agent.id());
        }
      }
    }
    if (from.isEmpty()) {
      return List.of();
    }
    Map<Long, List<PlatformEvent>> since = new HashMap<>();
    for (PlatformEvent event : facts.ofAgentsSince(from)) {
      OptionalAgent agent = OptionalAgent.of(event);
      if (agent.present()) {
        since.computeIfAbsent(agent.id(), a -> new ArrayList<>()).add(event);
      }
    }
    List<AgentWindow> windows = new ArrayList<>();
    from.forEach(
        (agentId, t) -> {
          keep(
              agentId,
              t.toEpochMilli(),
              since.getOrDefault(agentId, List.of()),
              signingOn.contains(agentId));
          windows.add(AgentWindow.from(agentId, t.toEpochMilli()));
        });
    return windows;
  }

  /**
   * The agent's timeline from {@code fromMs} on, from its facts from then on (in event order).
   * Without a login or logout in the batch its shifts, and its sign-offs in the campaigns the
   * batch did not change, are as kept.
   */
  private void keep(long agentId, long fromMs, List<PlatformEvent> since, boolean signingOn) {
    Optional<WorkShiftStore.StoredShift> last = shifts.lockedLastBefore(agentId, fromMs);
    Map<Long, AgentLoggedIn> openBefore = new HashMap<>();
    last.filter(s -> s.end().isEmpty() || s.end().get().toEpochMilli() >= fromMs)
        .ifPresent(s -> openBefore.put(agentId, s.login()));
    WorkShifts derived = WorkShifts.from(since, openBefore);
    List<WorkShift> all = derived.all();
    Optional<WorkShift> previous = openBefore.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    if (signingOn) {
      shifts.replaceFrom(agentId, fromMs, previous, all.subList(openBefore.size(), all.size()));
    }

    Map<Long, PresenceState> stateBefore = presence.lockedStateBefore(agentId, fromMs);
    List<AgentStateChanged> changes = new ArrayList<>();
    Set<Long> campaigns = new TreeSet<>();
    for (PlatformEvent event : since) {
      if (event instanceof AgentStateChanged change) {
        changes.add(change);
        campaigns.add(change.campaignId());
      }
    }
    // A batch's login or logout may sign the agent off anew in every campaign it has a presence
    // in; without one, only the campaigns with changes from T on can change.
    if (signingOn) {
      campaigns.addAll(presence.campaignsOf(agentId));
    }
    Map<AgentCampaign, PresenceState> before = new HashMap<>();
    for (long campaignId : campaigns) {
      before.put(
          new AgentCampaign(agentId, campaignId),
          stateBefore.getOrDefault(campaignId, PresenceState.OFFLINE));
    }
    PresenceTimeline timeline = PresenceTimeline.from(changes, derived.signOffs(), before);
    Map<Long, Long> accounts = directory.campaignAccounts(campaigns);
    for (long campaignId : campaigns) {
      presence.replaceFrom(
          agentId,
          campaignId,
          fromMs,
          timeline.changes(agentId, campaignId),
          accounts.getOrDefault(campaignId, DirectoryStore.NO_ACCOUNT));
      receipts.restateState(agentId, campaignId, fromMs);
    }
  }

  /** The agent a login, logout or presence change is of; profiles take no part in timelines. */
  private record OptionalAgent(boolean present, long id) {
    static OptionalAgent of(PlatformEvent event) {
      if (event instanceof AgentLoggedIn e) {
        return new OptionalAgent(true, e.agentId());
      } else if (event instanceof AgentLoggedOut e) {
        return new OptionalAgent(true, e.agentId());
      } else if (event instanceof AgentStateChanged e) {
        return new OptionalAgent(true, e.agentId());
      }
      return new OptionalAgent(false, 0);
    }
  }
}
