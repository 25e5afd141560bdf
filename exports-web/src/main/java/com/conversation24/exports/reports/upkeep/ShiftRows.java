package com.conversation24.exports.reports.upkeep;

import com.conversation24.exports.reports.agentactivity.PresenceStore;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceReport;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceRow;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceStore;
import com.conversation24.exports.reports.agentperformance.ClosedShift;
import com.conversation24.exports.reports.agentperformance.WorkShiftStore;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.slots.ReceiptStore;
import com.conversation24.exports.reports.timelines.PresenceChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the Agent performance rows of the closed work shifts that overlap the spans a batch
 * changed: each shift's rows computed again from what they depend on, and nothing more (the
 * agent's presence changes bearing on the shift, its receipts holding a chat in it, its capacity).
 */
@ApplicationScoped
public class ShiftRows {

  @Inject WorkShiftStore shifts;

  @Inject PresenceStore presence;

  @Inject ReceiptStore receipts;

  @Inject DirectoryStore directory;

  @Inject AgentPerformanceStore rows;

  public void keep(List<AgentWindow> windows) {
    Map<Long, Set<ClosedShift>> byAgent = new LinkedHashMap<>();
    for (AgentWindow w : windows) {
      Set<ClosedShift> affected = byAgent.computeIfAbsent(w.agentId(), a -> new LinkedHashSet<>());
      for (WorkShiftStore.StoredShift s : shifts.closedDuring(w.agentId(), w.fromMs(), w.toMs())) {
        affected.add(s.asClosed());
      }
    }
    List<ClosedShift> recomputed = new ArrayList<>();
    List<AgentPerformanceRow> computed = new ArrayList<>();
    byAgent.forEach(
        (agentId, closed) -> {
          if (closed.isEmpty()) {
            return;
          }
          Set<Long> campaigns = presence.campaignsOf(agentId);
          int maxChats = directory.maxChats(agentId);
          for (ClosedShift shift : closed) {
            long ws = shift.start().toEpochMilli();
            long we = shift.end().toEpochMilli();
            Map<Long, List<PresenceChange>> changes = presence.changesDuring(agentId, ws, we);
            computed.addAll(
                AgentPerformanceReport.rowsOf(
                    shift,
                    campaigns,
                    campaign -> changes.getOrDefault(campaign, List.of()),
                    receipts.heldDuring(agentId, ws, we),
                    maxChats));
            recomputed.add(shift);
          }
        });
    if (recomputed.isEmpty()) {
      return;
    }
    Set<Long> campaigns = new HashSet<>();
    computed.forEach(r -> campaigns.add(r.campaignId()));
    rows.replace(recomputed, computed, directory.campaignAccounts(campaigns));
  }
}
