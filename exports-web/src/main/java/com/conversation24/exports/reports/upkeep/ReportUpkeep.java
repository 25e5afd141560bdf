package com.conversation24.exports.reports.upkeep;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.agents.api.AgentsRecorded;
import com.conversation24.campaigns.api.CampaignsRecorded;
import com.conversation24.campaigns.ingest.api.RebuildStarted;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationsRecorded;
import com.conversation24.exports.reports.agentactivity.PresenceStore;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceStore;
import com.conversation24.exports.reports.agentperformance.WorkShiftStore;
import com.conversation24.exports.reports.conversations.ConversationStore;
import com.conversation24.exports.reports.directory.DirectoryChanges;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.slots.ReceiptStore;
import com.conversation24.exports.reports.traffic.EntryPointTally;
import com.conversation24.exports.reports.traffic.TrafficCounter;
import com.conversation24.exports.reports.traffic.TrafficQuarterStore;
import com.conversation24.traffic.api.TrafficRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every report store current from the contexts' records of each batch, in the ingesting
 * transaction (decision 30). The contexts publish in a fixed order (campaigns, agents,
 * conversations, traffic: {@code RecordingOrder}), so each step finds what it reads already kept:
 * the directory before anything keyed by it, presence before the receipts that ask for it, both
 * before the Agent performance rows computed from them.
 */
@ApplicationScoped
public class ReportUpkeep {

  @Inject DirectoryStore directory;

  @Inject ConversationStore conversations;

  @Inject ReceiptStore receipts;

  @Inject PresenceStore presence;

  @Inject WorkShiftStore shifts;

  @Inject AgentPerformanceStore performance;

  @Inject TrafficQuarterStore traffic;

  @Inject AgentTimelines timelines;

  @Inject SessionRows sessions;

  @Inject ShiftRows shiftRows;

  /** Accounts, campaigns, entry points, hosts; rows move with a campaign or entry point. */
  void campaigns(@Observes CampaignsRecorded recorded) {
    DirectoryChanges changes = directory.apply(recorded.events());
    changes
        .campaignAccounts()
        .forEach(
            (campaign, account) -> {
              conversations.restateAccount(campaign, account);
              receipts.restateAccount(campaign, account);
              presence.restateAccount(campaign, account);
              performance.restateAccount(campaign, account);
              traffic.restateCampaign(campaign, account);
            });
    Map<Long, Long> accounts =
        directory.campaignAccounts(changes.entryPointCampaigns().values());
    changes
        .entryPointCampaigns()
        .forEach(
            (entryPoint, campaign) ->
                traffic.restateEntryPoint(
                    entryPoint,
                    campaign,
                    accounts.getOrDefault(campaign, DirectoryStore.NO_ACCOUNT)));
  }

  /** Profiles, then work shifts and presence, then the rows of the shifts they bear on. */
  void agents(@Observes AgentsRecorded recorded) {
    List<PlatformEvent> profiles = new ArrayList<>();
    for (PlatformEvent event : recorded.events()) {
      if (event instanceof AgentUpdated || event instanceof AgentDeleted) {
        profiles.add(event);
      }
    }
    List<AgentWindow> windows = new ArrayList<>();
    if (!profiles.isEmpty()) {
      DirectoryChanges changes = directory.apply(profiles);
      conversations.restateHandlingOf(changes.agentsOfOtherAccount());
      changes.agentsOfOtherCapacity().forEach(agent -> windows.add(AgentWindow.whole(agent)));
    }
    windows.addAll(timelines.keep(recorded.events()));
    shiftRows.keep(windows);
  }

  /** Each touched session's rows, then the rows of the shifts its receipts bear on. */
  void conversations(@Observes ConversationsRecorded recorded) {
    shiftRows.keep(sessions.keep(recorded.sessions()));
  }

  /** Page views, entry point views and clicks, invite outcomes, each counted once. */
  void traffic(@Observes TrafficRecorded recorded) {
    Map<TrafficQuarterStore.Quarter, Map<TrafficCounter, Long>> counts = new HashMap<>();
    Set<Long> entryPoints = new HashSet<>();
    for (PlatformEvent event : recorded.events()) {
      for (EntryPointTally tally : EntryPointTally.of(event)) {
        counts
            .computeIfAbsent(
                TrafficQuarterStore.Quarter.of(tally.at(), tally.entryPointId()),
                q -> TrafficQuarterStore.counts())
            .merge(tally.counter(), tally.count(), Long::sum);
        entryPoints.add(tally.entryPointId());
      }
    }
    if (!counts.isEmpty()) {
      traffic.add(counts, TrafficOwners.of(entryPoints, directory));
    }
  }

  /** A rebuild starts from nothing: every store is derived again by the replay. */
  void forget(@Observes RebuildStarted rebuild) {
    directory.clear();
    conversations.clear();
    receipts.clear();
    presence.clear();
    shifts.clear();
    performance.clear();
    traffic.clear();
  }
}
