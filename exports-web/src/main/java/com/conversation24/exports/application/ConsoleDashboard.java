package com.conversation24.exports.application;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures for a range, read from the reports themselves (so they obey the same
 * criteria and tenancy as the exports): chats per hour of day by entry point type (Conversations),
 * agents online and agents chatting per hour of day (Agent activity, Slots), and the automatic
 * invite funnel (Automatic invites, Conversations).
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

  @Inject ReportPreview preview;

  @Inject Clock clock;

  /** {@code parameters} are those of the export API (range or from/to, tz, chatcampaign_id). */
  public Figures figures(Map<String, List<String>> parameters, Requester requester) {
    ExportCriteria conversations = exports.criteria(Report.CONVERSATIONS, parameters, requester);
    ReportCriteria criteria = conversations.criteria();
    ZoneId zone = criteria.zone();
    Instant to = min(criteria.to(), clock.instant());

    long[] button = new long[HOURS];
    long[] invite = new long[HOURS];
    long fromInvites = 0;
    Table chats = new Table(Report.CONVERSATIONS, preview.rows(conversations));
    for (List<String> row : chats.rows) {
      int hour = LocalDateTime.parse(chats.cell(row, "conversation_start").replace(' ', 'T')).getHour();
      if ("invite".equals(chats.cell(row, "requestType"))) {
        invite[hour]++;
        fromInvites++;
      } else {
        button[hour]++;
      }
    }

    Table activity = table(Report.AGENT_ACTIVITY, parameters, requester);
    Map<String, List<Instant[]>> online = new HashMap<>();
    for (List<String> row : activity.rows) {
      if ("Online".equals(activity.cell(row, "state"))) {
        online
            .computeIfAbsent(activity.cell(row, "agent_id"), a -> new ArrayList<>())
            .add(interval(activity.cell(row, "time_start"), activity.cell(row, "time_end"), zone, to));
      }
    }
    Table slots = table(Report.SLOTS, parameters, requester);
    Map<String, List<Instant[]>> chatting = new HashMap<>();
    for (List<String> row : slots.rows) {
      chatting
          .computeIfAbsent(slots.cell(row, "agent_id"), a -> new ArrayList<>())
          .add(interval(slots.cell(row, "time_start"), slots.cell(row, "time_end"), zone, to));
    }
    long[] hoursOfDay = hourCounts(criteria.from(), criteria.to(), zone);
    double[] agentsOnline = averagePerHour(online, criteria.from(), criteria.to(), zone, hoursOfDay);
    double[] agentsChatting =
        averagePerHour(chatting, criteria.from(), criteria.to(), zone, hoursOfDay);

    Table invites = table(Report.AUTOMATIC_INVITES, parameters, requester);
    long matched = 0;
    long shown = 0;
    long accepted = 0;
    for (List<String> row : invites.rows) {
      matched += Long.parseLong(invites.cell(row, "num_proactive_match"));
      shown += Long.parseLong(invites.cell(row, "num_proactive"));
      accepted += Long.parseLong(invites.cell(row, "num_proactive_accepted"));
    }
    return new Figures(
        zone, button, invite, agentsOnline, agentsChatting, matched, shown, accepted, fromInvites);
  }

  private Table table(Report report, Map<String, List<String>> parameters, Requester requester) {
    return new Table(report, preview.rows(exports.criteria(report, parameters, requester)));
  }

  /** A report's rows with cells found by column name. */
  private static final class Table {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<String>> rows;

    Table(Report report, List<List<String>> rows) {
      List<Column> columns = report.columns();
      for (int i = 0; i < columns.size(); i++) {
        index.put(columns.get(i).name(), i);
      }
      this.rows = rows;
    }

    String cell(List<String> row, String column) {
      return row.get(index.get(column));
    }
  }

  /** A printed interval back as instants; an open one lasts until {@code openEnd}. */
  private static Instant[] interval(String start, String end, ZoneId zone, Instant openEnd) {
    Instant s = local(start, zone);
    Instant e = end.isEmpty() ? openEnd : local(end, zone);
    return new Instant[] {s, e.isBefore(s) ? s : e};
  }

  private static Instant local(String printed, ZoneId zone) {
    return LocalDateTime.parse(printed.replace(' ', 'T')).atZone(zone).toInstant();
  }

  /** How many clock hours of each hour of day the range holds. */
  private static long[] hourCounts(Instant from, Instant to, ZoneId zone) {
    long[] counts = new long[HOURS];
    for (ZonedDateTime h = hourOf(from, zone); h.toInstant().isBefore(to); h = h.plusHours(1)) {
      counts[h.getHour()]++;
    }
    return counts;
  }

  /**
   * Per hour of day, the time some agent spent in the state (each agent once, however many
   * campaigns), divided by the hours of that hour of day in the range: the average number of
   * agents in the state.
   */
  private static double[] averagePerHour(
      Map<String, List<Instant[]>> byAgent, Instant from, Instant to, ZoneId zone, long[] hours) {
    double[] seconds = new double[HOURS];
    for (List<Instant[]> intervals : byAgent.values()) {
      for (Instant[] i : merged(intervals)) {
        Instant s = max(i[0], from);
        Instant e = min(i[1], to);
        for (ZonedDateTime h = hourOf(s, zone); h.toInstant().isBefore(e); h = h.plusHours(1)) {
          Instant bucketEnd = h.plusHours(1).toInstant();
          Duration overlap = Duration.between(max(s, h.toInstant()), min(e, bucketEnd));
          if (!overlap.isNegative()) {
            seconds[h.getHour()] += overlap.toMillis() / 1000.0;
          }
        }
      }
    }
    double[] average = new double[HOURS];
    for (int h = 0; h < HOURS; h++) {
      average[h] = hours[h] == 0 ? 0 : Math.round(seconds[h] / (3600.0 * hours[h]) * 100) / 100.0;
    }
    return average;
  }

  private static List<Instant[]> merged(List<Instant[]> intervals) {
    List<Instant[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing((Instant[] i) -> i[0]));
    List<Instant[]> merged = new ArrayList<>();
    for (Instant[] i : sorted) {
      Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !i[0].isAfter(last[1])) {
        last[1] = max(last[1], i[1]);
      } else {
        merged.add(new Instant[] {i[0], i[1]});
      }
    }
    return merged;
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
