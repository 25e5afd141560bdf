package com.conversation24.exports.reports.traffic;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.timelines.QuarterHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Traffic, invite outcomes and chats counted per entry point and UTC quarter hour, {@code
 * exports_traffic_quarter}, under the entry point's campaign and that campaign's account as the
 * directory says now (restated when either moves). Counts are added in the ingesting transaction,
 * once per accepted event; a conversation's chat moves when a late start moves the conversation.
 */
@ApplicationScoped
public class TrafficQuarterStore {

  private static final List<TrafficCounter> COUNTERS = Arrays.asList(TrafficCounter.values());

  private static final List<String> COLUMNS =
      COUNTERS.stream().map(TrafficQuarterStore::column).toList();

  private static final String ADD =
      "INSERT INTO exports_traffic_quarter (quarter_start_ms, entry_point_id, campaign_id,"
          + " account_id, "
          + String.join(", ", COLUMNS)
          + ") VALUES (?, ?, ?, ?, "
          + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
          + ") ON DUPLICATE KEY UPDATE "
          + COLUMNS.stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").collect(Collectors.joining(", "));

  /** A quarter hour of one entry point. */
  public record Quarter(long startMs, long entryPointId) {

    public static Quarter of(Instant t, long entryPointId) {
      return new Quarter(QuarterHours.startOf(t), entryPointId);
    }
  }

  /** Where an entry point's counts go: its campaign and that campaign's account, when known. */
  public record Owner(OptionalLong campaignId, long accountId) {}

  private static final Comparator<Quarter> LOCK_ORDER =
      Comparator.comparingLong(Quarter::startMs).thenComparingLong(Quarter::entryPointId);

  @Inject DataSource dataSource;

  /**
   * Adds counts (negative ones too: a chat that moved) to their quarters; joins the transaction.
   * Rows are written in key order, so two batches adding to the same quarters lock them in the
   * same order.
   *
   * @param owners the owner of every entry point counted, as the directory says now
   */
  public void add(Map<Quarter, Map<TrafficCounter, Long>> counts, Map<Long, Owner> owners) {
    Map<Quarter, Map<TrafficCounter, Long>> ordered = new TreeMap<>(LOCK_ORDER);
    ordered.putAll(counts);
    Sql.batch(
        dataSource,
        ADD,
        ordered.entrySet(),
        quarter -> {
          Owner owner = owners.get(quarter.getKey().entryPointId());
          List<Object> parameters = new ArrayList<>();
          parameters.add(quarter.getKey().startMs());
          parameters.add(quarter.getKey().entryPointId());
          parameters.add(owner.campaignId());
          parameters.add(owner.accountId());
          for (TrafficCounter counter : COUNTERS) {
            parameters.add(quarter.getValue().getOrDefault(counter, 0L));
          }
          return parameters;
        });
  }

  /** Every count of a campaign's entry points is now its account's. */
  public void restateCampaign(long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_traffic_quarter SET account_id = ? WHERE campaign_id = ?",
        List.of(accountId, campaignId));
  }

  /** Every count of an entry point is now its campaign's, and that campaign's account's. */
  public void restateEntryPoint(long entryPointId, long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_traffic_quarter SET campaign_id = ?, account_id = ? WHERE entry_point_id = ?",
        List.of(campaignId, accountId, entryPointId));
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_traffic_quarter", List.of());
  }

  /**
   * Hands every count above zero of the quarters starting in {@code [from, to)} of the criteria's
   * accounts and campaigns to {@code each} as a tally at the quarter's start, in time order, and
   * each entry point (known ones only) to {@code entryPoints} before its first tally. Streamed.
   */
  public void forEachTally(
      ReportCriteria criteria,
      Instant from,
      Instant to,
      Consumer<CountedEntryPoint> entryPoints,
      Consumer<EntryPointTally> each) {
    RowSelection selection = RowSelection.of(criteria, "q.", "quarter_start_ms", from, to);
    if (selection.empty()) {
      return;
    }
    // STRAIGHT_JOIN: the quarters of the range first (the primary key's order is the ORDER BY),
    // then each one's entry point by its key. Left to itself the optimizer drove from the entry
    // points and read every quarter each one ever had, so an operator's day grew with history.
    String sql =
        "SELECT STRAIGHT_JOIN q.quarter_start_ms, q.entry_point_id, q.account_id, e.campaign_id, e.name,"
            + " e.type, "
            + COLUMNS.stream().map(c -> "q." + c).collect(Collectors.joining(", "))
            + " FROM exports_traffic_quarter q JOIN exports_entry_point e"
            + " ON e.entry_point_id = q.entry_point_id "
            + selection.where()
            + " ORDER BY q.quarter_start_ms, q.entry_point_id";
    Map<Long, CountedEntryPoint> seen = new java.util.HashMap<>();
    Sql.stream(
        dataSource,
        sql,
        selection.parameters(),
        rows -> {
          long entryPointId = rows.getLong(2);
          if (!seen.containsKey(entryPointId)) {
            long account = rows.getLong(3);
            CountedEntryPoint entryPoint =
                new CountedEntryPoint(
                    entryPointId,
                    rows.getLong(4),
                    account == 0 ? OptionalLong.empty() : OptionalLong.of(account),
                    rows.getString(5),
                    EntryPointType.valueOf(rows.getString(6)));
            seen.put(entryPointId, entryPoint);
            entryPoints.accept(entryPoint);
          }
          Instant start = Instant.ofEpochMilli(rows.getLong(1));
          for (int i = 0; i < COUNTERS.size(); i++) {
            long count = rows.getLong(7 + i);
            if (count > 0) {
              each.accept(new EntryPointTally(entryPointId, start, COUNTERS.get(i), count));
            }
          }
        });
  }

  /**
   * The selected invite entry points' outcomes summed over the quarter hours starting in the
   * criteria's range, by counter, by the database.
   */
  public Map<TrafficCounter, Long> inviteTotals(ReportCriteria criteria) {
    RowSelection selection = RowSelection.of(criteria, "q.", "quarter_start_ms");
    Map<TrafficCounter, Long> totals = counts();
    if (selection.empty()) {
      return totals;
    }
    List<TrafficCounter> outcomes =
        COUNTERS.stream().filter(c -> c.outcome().isPresent()).toList();
    Sql.list(
            dataSource,
            "SELECT STRAIGHT_JOIN " // the range's quarters first, as in forEachTally
                + outcomes.stream()
                    .map(c -> "COALESCE(SUM(q." + column(c) + "), 0)")
                    .collect(Collectors.joining(", "))
                + " FROM exports_traffic_quarter q JOIN exports_entry_point e ON"
                + " e.entry_point_id = q.entry_point_id AND e.type = 'INVITE' "
                + selection.where(),
            selection.parameters(),
            rows -> {
              for (int i = 0; i < outcomes.size(); i++) {
                totals.put(outcomes.get(i), rows.getLong(i + 1));
              }
              return totals;
            });
    return totals;
  }

  /** {@code visits}, ..., {@code chats}, {@code invites_matched}, ... */
  private static String column(TrafficCounter counter) {
    return counter.name().toLowerCase(Locale.ROOT).replaceFirst("^invite_", "invites_");
  }

  /** The counts of one quarter as a map, for {@link #add}. */
  public static Map<TrafficCounter, Long> counts() {
    return new EnumMap<>(TrafficCounter.class);
  }
}
