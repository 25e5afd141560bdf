package com.conversation24.exports.feed;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ReportReads;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The change feed of a row report (decision 31): after a cursor, the report's rows created,
 * restated or removed, in the order their transactions committed, each at its latest version.
 * A client that applies every page in turn (upsert a live row by its key, delete a removed one)
 * holds exactly the rows of the report's full export. What a page reads is the caller's entries
 * after the cursor, by index: its cost follows the page, not the history.
 */
@ApplicationScoped
public class ChangeFeed {

  public static final String LIMIT = "limit";

  static final int DEFAULT_LIMIT = 1_000;
  static final int MOST = 10_000;

  private static final Pattern WHOLE = Pattern.compile("[1-9]\\d{0,5}");

  /** What happened to a row since the cursor. */
  public enum Kind {
    /** A row the client has not been given before. */
    NEW,
    /** A row the client may hold in an earlier version: replace it. */
    RESTATED,
    /** The row is gone (or moved to another key or account): delete it. */
    REMOVED
  }

  /**
   * One change: the row's key (the store's primary key, in the report's order) and, unless
   * removed, the row.
   */
  public record Change<R>(Kind kind, Map<String, Object> key, Optional<R> row) {}

  /** Where the page ended: the cursor to go on from, and whether the feed had no more. */
  public record End(FeedCursor next, boolean endOfStream) {}

  /** A request's feed: the report, the caller's criteria, where to start and how much. */
  public record Request(Report report, ReportCriteria criteria, FeedCursor after, int limit) {}

  @Inject DataSource dataSource;

  @Inject ReportReads reads;

  @Inject FeedClock feedClock;

  @Inject Clock time;

  private volatile byte[] secret;

  /** The request's criteria; invalid input is an {@code InvalidInputException} naming the field. */
  public Request request(Report report, Map<String, List<String>> parameters, Requester requester) {
    if (!followed(report)) {
      throw new InvalidInputException(
          "report",
          report.urlName()
              + " has no feed; these have: "
              + Arrays.stream(Report.values())
                  .filter(this::followed)
                  .map(Report::urlName)
                  .collect(Collectors.joining(", ")));
    }
    ReportCriteria criteria = new ExportCriteriaParser(time).unranged(parameters, requester);
    FeedCursor after =
        single(parameters, FeedCursor.FIELD)
            .map(text -> FeedCursor.of(text, report.urlName(), criteria.scope(), secret()))
            .orElse(FeedCursor.START);
    int limit =
        single(parameters, LIMIT)
            .map(
                text -> {
                  if (!WHOLE.matcher(text).matches() || Integer.parseInt(text) > MOST) {
                    throw new InvalidInputException(LIMIT, "a whole number from 1 to " + MOST);
                  }
                  return Integer.parseInt(text);
                })
            .orElse(DEFAULT_LIMIT);
    return new Request(report, criteria, after, limit);
  }

  /** Whether the report has a feed (the row reports). */
  public boolean followed(Report report) {
    return reads.of(report.definition()).feed().isPresent();
  }

  /** The cursor after {@code end}, as the client carries it. */
  public String cursorText(Request request, FeedCursor end) {
    return end.text(request.report().urlName(), request.criteria().scope(), secret());
  }

  /**
   * Hands the request's page to {@code each} as it is read (nothing collected for one account or
   * all), clock after clock, then says where it ended. Meant to run outside any transaction.
   */
  public <R> End page(Request request, ReportDefinition<R> definition, Consumer<Change<R>> each) {
    FeedSource<R> source =
        reads.of(definition).feed().orElseThrow(() -> new IllegalArgumentException("no feed"));
    Optional<Set<Long>> accounts = request.criteria().scope().accounts();
    if (accounts.isPresent() && accounts.get().isEmpty()) {
      return new End(request.after(), true);
    }
    FeedCursor cursor = request.after();
    int given = 0;
    for (String clock : feedClock.clocks()) {
      int wanted = request.limit() - given;
      if (wanted == 0) {
        break;
      }
      FeedCursor.Position[] last = {cursor.of(clock)};
      int[] count = {0};
      Consumer<Entry<R>> take =
          entry -> {
            last[0] = entry.position();
            count[0]++;
            each.accept(entry.change());
          };
      FeedCursor.Position after = cursor.of(clock);
      if (accounts.isEmpty() || accounts.get().size() == 1) {
        Optional<Long> account = accounts.map(ids -> ids.iterator().next());
        Sql.stream(
            dataSource,
            query(source, account.isPresent()),
            parameters(clock, after, wanted, account),
            rows -> take.accept(entry(source, rows)));
      } else {
        // Several accounts: each one's page by its index, merged here (at most limit rows each).
        List<Entry<R>> merged = new ArrayList<>();
        for (long account : accounts.get()) {
          merged.addAll(
              Sql.list(
                  dataSource,
                  query(source, true),
                  parameters(clock, after, wanted, Optional.of(account)),
                  rows -> entry(source, rows)));
        }
        merged.stream()
            .sorted(Comparator.comparing(Entry::position, FeedCursor.Position.ORDER))
            .limit(wanted)
            .forEach(take);
      }
      given += count[0];
      cursor = cursor.with(clock, last[0]);
    }
    return new End(cursor, given < request.limit());
  }

  private record Entry<R>(FeedCursor.Position position, Change<R> change) {}

  private static String query(FeedSource<?> source, boolean oneAccount) {
    StringBuilder sql = new StringBuilder("SELECT ch.id AS feed_id, ch.seq AS feed_seq,");
    sql.append(" ch.live AS feed_live, ch.restated AS feed_restated");
    List<String> keys = source.keyColumns();
    for (int i = 0; i < keys.size(); i++) {
      sql.append(", ch.").append(keys.get(i)).append(" AS feed_key_").append(i);
    }
    sql.append(", ").append(source.columns());
    sql.append(" FROM ").append(source.changeTable()).append(" ch LEFT JOIN ").append(source.table());
    sql.append(" ON ch.live");
    for (String key : keys) {
      sql.append(" AND ").append(source.alias()).append(key).append(" = ch.").append(key);
    }
    sql.append(" AND ").append(source.alias()).append("account_id = ch.account_id");
    sql.append(source.joins());
    sql.append(" WHERE ");
    if (oneAccount) {
      sql.append("ch.account_id = ? AND ");
    }
    // seq >= ? is what the index ranges over; the rest skips the entries already given.
    sql.append("ch.clock = ? AND ch.seq >= ? AND (ch.seq > ? OR ch.id > ?)");
    sql.append(" ORDER BY ch.seq, ch.id LIMIT ?");
    return sql.toString();
  }

  private static List<Object> parameters(
      String clock, FeedCursor.Position after, int limit, Optional<Long> account) {
    List<Object> parameters = new ArrayList<>();
    account.ifPresent(parameters::add);
    parameters.add(clock);
    parameters.add(after.seq());
    parameters.add(after.seq());
    parameters.add(after.id());
    parameters.add(limit);
    return parameters;
  }

  private static <R> Entry<R> entry(FeedSource<R> source, ResultSet rows) throws SQLException {
    FeedCursor.Position position =
        new FeedCursor.Position(rows.getLong("feed_seq"), rows.getLong("feed_id"));
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < source.keyColumns().size(); i++) {
      key.put(source.keyColumns().get(i), rows.getObject("feed_key_" + i));
    }
    if (!rows.getBoolean("feed_live")) {
      return new Entry<>(position, new Change<>(Kind.REMOVED, key, Optional.empty()));
    }
    Kind kind = rows.getBoolean("feed_restated") ? Kind.RESTATED : Kind.NEW;
    return new Entry<>(position, new Change<>(kind, key, Optional.of(source.row().read(rows))));
  }

  private byte[] secret() {
    byte[] known = secret;
    if (known == null) {
      known = feedClock.secret();
      secret = known;
    }
    return known;
  }

  private static Optional<String> single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new InvalidInputException(name, "give it once");
    }
    return values.stream().findFirst().filter(v -> !v.isEmpty());
  }
}
