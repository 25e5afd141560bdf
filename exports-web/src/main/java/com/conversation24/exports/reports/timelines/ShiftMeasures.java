package com.conversation24.exports.reports.timelines;

import java.util.List;
import java.util.TreeSet;

/**
 * The measures, in milliseconds, of the sets of instants of a work shift W = [ws, we) that Agent
 * performance reports for one (agent, campaign): where the agent is online, where its receipts in
 * the campaign hold chats (n), where its receipts in all campaigns do (N, against its capacity),
 * and where some receipt in the campaign waits for the agent's first answer.
 *
 * <p>W is cut at every instant where one of these changes; on each piece all of them are constant,
 * so each measure is a sum of piece lengths and no instant is counted twice.
 */
public record ShiftMeasures(
    long online, long open, long available, long idle, long firstResponse, long chatTime) {

  /**
   * @param presence the effective presence changes of (agent, campaign), in time order
   * @param agentReceipts the agent's receipts in every campaign
   * @param maxChats the agent's capacity over all campaigns
   */
  public static ShiftMeasures of(
      long ws,
      long we,
      List<PresenceChange> presence,
      List<Receipt> agentReceipts,
      long campaignId,
      int maxChats) {
    List<Receipt> overlapping =
        agentReceipts.stream().filter(r -> r.fromMillis() < we && r.untilMillis() > ws).toList();
    TreeSet<Long> cuts = new TreeSet<>();
    cuts.add(ws);
    cuts.add(we);
    for (PresenceChange change : presence) {
      cutAt(cuts, change.at().toEpochMilli(), ws, we);
    }
    for (Receipt r : overlapping) {
      cutAt(cuts, r.fromMillis(), ws, we);
      cutAt(cuts, r.untilMillis(), ws, we);
      cutAt(cuts, r.unansweredUntilMillis(), ws, we);
    }

    long online = 0;
    long open = 0;
    long available = 0;
    long idle = 0;
    long firstResponse = 0;
    long chatTime = 0;
    int nextChange = 0;
    boolean isOnline = false;
    Long pieceStart = null;
    for (long cut : cuts) {
      if (pieceStart != null) {
        long t = pieceStart;
        long length = cut - t;
        while (nextChange < presence.size() && presence.get(nextChange).at().toEpochMilli() <= t) {
          isOnline = presence.get(nextChange).online();
          nextChange++;
        }
        int n = 0;
        int all = 0;
        boolean waiting = false;
        for (Receipt r : overlapping) {
          if (r.fromMillis() <= t && t < r.untilMillis()) {
            all++;
            if (r.campaignId() == campaignId) {
              n++;
            }
          }
          if (r.campaignId() == campaignId
              && r.fromMillis() <= t
              && t < r.unansweredUntilMillis()) {
            waiting = true;
          }
        }
        if (isOnline) {
          online += length;
          if (all < maxChats) {
            available += length;
          }
          if (n == 0) {
            idle += length;
          }
        }
        if (n >= 1) {
          open += length;
        }
        if (waiting) {
          firstResponse += length;
        }
        chatTime += n * length;
      }
      pieceStart = cut;
    }
    return new ShiftMeasures(online, open, available, idle, firstResponse, chatTime);
  }

  private static void cutAt(TreeSet<Long> cuts, long t, long ws, long we) {
    if (t > ws && t < we) {
      cuts.add(t);
    }
  }
}
