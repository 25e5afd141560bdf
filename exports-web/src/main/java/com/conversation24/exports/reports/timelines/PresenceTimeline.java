package com.conversation24.exports.reports.timelines;

import com.conversation24.agents.api.AgentStateChanged;
import com.conversation24.agents.api.PresenceState;
import com.conversation24.exports.reports.ReportFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The presence of every agent in every campaign (REPORTS.md "Derived timelines"): the {@code
 * agent.state_changed} events of the pair plus an implicit offline at each {@link SignOff} of the
 * agent, in event order. Of several changes at one instant only the last takes effect, and a change
 * to the state the agent is already in is no change; an agent is offline in a campaign until its
 * first online change.
 */
public final class PresenceTimeline {

  private record Pair(long agentId, long campaignId) {}

  /** A change as reported, before same-instant changes and repeats are dropped. */
  private record Reported(Instant at, String eventId, PresenceState state, String key) {}

  private static final Comparator<Reported> EVENT_ORDER =
      Comparator.comparing(Reported::at).thenComparing(Reported::eventId);

  private final Map<Pair, List<PresenceChange>> changes;
  private final Map<Long, Set<Long>> campaignsOfAgent;

  private PresenceTimeline(
      Map<Pair, List<PresenceChange>> changes, Map<Long, Set<Long>> campaignsOfAgent) {
    this.changes = changes;
    this.campaignsOfAgent = campaignsOfAgent;
  }

  public static PresenceTimeline of(ReportFacts facts, WorkShifts shifts) {
    return from(facts.all(AgentStateChanged.class), shifts.signOffs(), Map.of());
  }

  /**
   * The changes that take effect among the reported ones, given each pair's state just before
   * them ({@code stateBefore}, offline where absent). A pair named in {@code stateBefore} has a
   * presence even without a change here, so sign-offs apply to it. From no state and every change
   * of an agent this is the agent's whole presence; from the state just before an instant and the
   * changes from that instant on, it is the rest of it, because a change takes effect when it
   * differs from the state before it, and that state is the last effective change's.
   */
  public static PresenceTimeline from(
      List<AgentStateChanged> stateChanges,
      List<SignOff> signOffs,
      Map<AgentCampaign, PresenceState> stateBefore) {
    Map<Pair, List<Reported>> reported = new LinkedHashMap<>();
    Map<Long, Set<Long>> campaignsOfAgent = new HashMap<>();
    stateBefore.keySet()
        .forEach(
            pair -> {
              reported.computeIfAbsent(new Pair(pair.agentId(), pair.campaignId()), p -> new ArrayList<>());
              campaignsOfAgent.computeIfAbsent(pair.agentId(), x -> new TreeSet<>()).add(pair.campaignId());
            });
    for (AgentStateChanged change : stateChanges) {
      reported
          .computeIfAbsent(new Pair(change.agentId(), change.campaignId()), p -> new ArrayList<>())
          .add(
              new Reported(
                  change.at(),
                  change.eventId(),
                  change.state(),
                  PresenceChange.keyOfStateChange(change.eventId())));
      campaignsOfAgent
          .computeIfAbsent(change.agentId(), a -> new TreeSet<>())
          .add(change.campaignId());
    }
    // A sign-off matters only where the agent has a presence: elsewhere it is offline already.
    for (SignOff signOff : signOffs) {
      for (long campaignId : campaignsOfAgent.getOrDefault(signOff.agentId(), Set.of())) {
        reported
            .get(new Pair(signOff.agentId(), campaignId))
            .add(
                new Reported(
                    signOff.at(),
                    signOff.eventId(),
                    PresenceState.OFFLINE,
                    PresenceChange.keyOfSignOff(signOff.eventId(), campaignId)));
      }
    }
    Map<Pair, List<PresenceChange>> changes = new HashMap<>();
    reported.forEach(
        (pair, list) ->
            changes.put(
                pair,
                effective(
                    pair,
                    list,
                    stateBefore.getOrDefault(
                        new AgentCampaign(pair.agentId(), pair.campaignId()), PresenceState.OFFLINE))));
    return new PresenceTimeline(changes, campaignsOfAgent);
  }

  private static List<PresenceChange> effective(
      Pair pair, List<Reported> reported, PresenceState before) {
    List<Reported> ordered = reported.stream().sorted(EVENT_ORDER).toList();
    List<PresenceChange> effective = new ArrayList<>();
    PresenceState current = before;
    for (int i = 0; i < ordered.size(); i++) {
      Reported r = ordered.get(i);
      boolean lastAtItsInstant = i + 1 == ordered.size() || !ordered.get(i + 1).at().equals(r.at());
      if (lastAtItsInstant && r.state() != current) {
        effective.add(
            new PresenceChange(
                pair.agentId(), pair.campaignId(), r.at(), r.state(), r.eventId(), r.key()));
        current = r.state();
      }
    }
    return List.copyOf(effective);
  }

  /** The changes of (agent, campaign) that took effect, in time order. */
  public List<PresenceChange> changes(long agentId, long campaignId) {
    return changes.getOrDefault(new Pair(agentId, campaignId), List.of());
  }

  /** The campaigns in which the agent ever reported a presence. */
  public Set<Long> campaignsOf(long agentId) {
    return campaignsOfAgent.getOrDefault(agentId, Set.of());
  }

  /** The state set by the last change at or before {@code t}; offline before the first. */
  public PresenceState stateAt(long agentId, long campaignId, Instant t) {
    List<PresenceChange> list = changes(agentId, campaignId);
    // Binary search for the last change at or before t.
    int low = 0;
    int high = list.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (list.get(mid).at().isAfter(t)) {
        high = mid - 1;
      } else {
        found = mid;
        low = mid + 1;
      }
    }
    return found < 0 ? PresenceState.OFFLINE : list.get(found).state();
  }

  /** The pairs with a presence (a reported change, or a state before). */
  public Set<AgentCampaign> pairs() {
    Set<AgentCampaign> pairs = new java.util.HashSet<>();
    changes.keySet().forEach(p -> pairs.add(new AgentCampaign(p.agentId(), p.campaignId())));
    return pairs;
  }

  /** Every activity interval of every (agent, campaign). */
  public List<ActivityInterval> intervals() {
    List<ActivityInterval> intervals = new ArrayList<>();
    for (List<PresenceChange> list : changes.values()) {
      for (int i = 0; i < list.size(); i++) {
        Optional<Instant> end =
            i + 1 < list.size() ? Optional.of(list.get(i + 1).at()) : Optional.empty();
        intervals.add(new ActivityInterval(list.get(i), end));
      }
    }
    return intervals;
  }
}
