package com.conversation24.exports.console;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.agentactivity.PresenceStore;
import com.conversation24.exports.reports.conversations.ConversationStore;
import com.conversation24.exports.reports.slots.ReceiptStore;
import com.conversation24.exports.reports.traffic.TrafficCounter;
import com.conversation24.exports.reports.traffic.TrafficQuarterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures for a range, from the reports' stores with the exports' criteria and
 * tenancy, added up by the database where it can (decision 30): chats per hour of day by entry
 * point type (conversations counted per local hour by the database), agents online and agents chatting per hour of
 * day (Agent activity's and Slots' spans, merged per agent as they stream), and the automatic
 * invite funnel (the invite outcomes' quarter-hour counts, the chats from invites).
 */
@ApplicationScoped
public class ConsoleDashboard {

  public static final int HOURS = 24;

  /**
   * Per local hour of day (0-23): chats started by button and by invite, the average number of
   * agents online and of agents holding at least one chat; then the invite funnel's totals.
   */
  public record Figures(
      ZoneId zone,
      long[] buttonChats,
      long[] inviteChats,
      double[] agentsOnline,
      double[] agentsChatting,
      long invitesMatched,
      long invitesShown,
      long invitesAccepted,
      long chatsFromInvites) {}

  @Inject ExportService exports;

  @Inject ConversationStore conversations;

  @Inject PresenceStore presence;

  @Inject ReceiptStore receipts;

  @Inject TrafficQuarterStore traffic;

  @Inject Clock clock;

  /** {@code parameters} are those of the export API (range or from/to, tz, chatcampaign_id). */
  public Figures figures(Map<String, List<String>> parameters, Requester requester) {
    ReportCriteria criteria = exports.criteria(Report.CONVERSATIONS, parameters, requester).criteria();
    ZoneId zone = criteria.zone();
    Instant to = min(criteria.to(), clock.instant());

    long[] button = new long[HOURS];
    long[] invite = new long[HOURS];
    long fromInvites = 0;
    for (ConversationStore.ChatsInHour hour : conversations.chatsByHourOfDay(criteria)) {
      if (hour.type().orElse(null) == EntryPointType.INVITE) {
        invite[hour.hourOfDay()] += hour.chats();
        fromInvites += hour.chats();
      } else {
        button[hour.hourOfDay()] += hour.chats();
      }
    }

    long[] hoursOfDay = hourCounts(criteria.from(), criteria.to(), zone);
    PerHour online = new PerHour(criteria.from(), min(criteria.to(), to), zone);
    presence.forEachOnline(
        criteria,
        s -> online.add(s.agentId(), s.startMs(), s.endMs().orElse(to.toEpochMilli())));
    PerHour chatting = new PerHour(criteria.from(), min(criteria.to(), to), zone);
    receipts.forEachHolding(
        criteria,
        h ->
            chatting.add(
                h.agentId(), h.receivedMs(), h.releasedMs().orElse(to.toEpochMilli())));

    Map<TrafficCounter, Long> invites = traffic.inviteTotals(criteria);
    return new Figures(
        zone,
        button,
        invite,
        online.average(hoursOfDay),
        chatting.average(hoursOfDay),
        invites.getOrDefault(TrafficCounter.INVITE_MATCHED, 0L),
        invites.getOrDefault(TrafficCounter.INVITE_SHOWN, 0L),
        invites.getOrDefault(TrafficCounter.INVITE_ACCEPTED, 0L),
        fromInvites);
  }

  /**
   * Per hour of day, the time some agent spent in a state, each agent once however many of its
   * spans overlap: spans come by agent and start, so each agent's are merged as they arrive and
   * only the current span is held.
   */
  private static final class PerHour {
    private final long from;
    private final long to;
    private final ZoneId zone;
    private final double[] seconds = new double[HOURS];
    private long agent = Long.MIN_VALUE;
    private long start;
    private long end = Long.MIN_VALUE;

    PerHour(Instant from, Instant to, ZoneId zone) {
      this.from = from.toEpochMilli();
      this.to = to.toEpochMilli();
      this.zone = zone;
    }

    void add(long agentId, long spanStart, long spanEnd) {
      if (agentId != agent || spanStart > end) {
        flush();
        agent = agentId;
        start = spanStart;
        end = spanEnd;
      } else {
        end = Math.max(end, spanEnd);
      }
    }

    private void flush() {
      if (end == Long.MIN_VALUE) {
        return;
      }
      Instant s = Instant.ofEpochMilli(Math.max(start, from));
      Instant e = Instant.ofEpochMilli(Math.min(end, to));
      for (ZonedDateTime h = hourOf(s, zone); h.toInstant().isBefore(e); h = h.plusHours(1)) {
        Instant bucketEnd = h.plusHours(1).toInstant();
        Duration overlap = Duration.between(max(s, h.toInstant()), min(e, bucketEnd));
        if (!overlap.isNegative()) {
          seconds[h.getHour()] += overlap.toMillis() / 1000.0;
        }
      }
      end = Long.MIN_VALUE;
    }

    /** The average number of agents in the state per hour of day, over the range's hours. */
    double[] average(long[] hours) {
      flush();
      double[] average = new double[HOURS];
      for (int h = 0; h < HOURS; h++) {
        average[h] = hours[h] == 0 ? 0 : Math.round(seconds[h] / (3600.0 * hours[h]) * 100) / 100.0;
      }
      return average;
    }
  }

  /** How many clock hours of each hour of day the range holds. */
  private static long[] hourCounts(Instant from, Instant to, ZoneId zone) {
    long[] counts = new long[HOURS];
    for (ZonedDateTime h = hourOf(from, zone); h.toInstant().isBefore(to); h = h.plusHours(1)) {
      counts[h.getHour()]++;
    }
    return counts;
  }

  private static ZonedDateTime hourOf(Instant t, ZoneId zone) {
    return t.atZone(zone).truncatedTo(ChronoUnit.HOURS);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
