package com.conversation24.exports.infrastructure;

import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.conversations.ConversationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The Conversations projection's table, {@code exports_conversation}: written in the ingesting
 * transaction, read by exports as a stream (one connection of its own, rows fetched in slices, so
 * memory stays flat however many rows there are).
 */
@ApplicationScoped
public class ConversationRowStore {

  /** Rows fetched per round trip while streaming. */
  private static final int FETCH_SIZE = 1_000;

  /** Seconds a slow client may take before MariaDB gives up writing to the streaming export. */
  private static final int NET_WRITE_TIMEOUT_SECONDS = 3_600;

  private static final List<String> COLUMNS =
      List.of(
          "session_id",
          "campaign_id",
          "started_at_ms",
          "entry_point_id",
          "first_agent_id",
          "last_agent_id",
          "involved_agent_ids",
          "visitor_id",
          "host_id",
          "num_messages",
          "duration_total",
          "duration_conversation",
          "duration_afterclose",
          "avg_message_length",
          "max_message_length",
          "first_response_time",
          "first_reply_time",
          "avg_response_time",
          "max_response_time",
          "decision_time",
          "accept_url",
          "successcode",
          "survey_result",
          "survey_comment",
          "visitor_identifier",
          "blocked",
          "block_reason",
          "goals",
          "total_goal_value");

  /**
   * A sort key's "empty cells first" term for a column that is never empty: none (ORDER BY would
   * read a constant there as a column's position).
   */
  private static final String NEVER_EMPTY = "";

  /** The report's order, which the table's primary key keeps. */
  private static final String REPORT_ORDER = "started_at_ms, campaign_id, session_id";

  private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM exports_conversation";

  private static final String REPLACE =
      "REPLACE INTO exports_conversation ("
          + String.join(", ", COLUMNS)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
          + ")";

  /** The rows of one export: started in {@code [from, to)}, of these campaigns (empty: all). */
  public record Selection(Instant from, Instant to, Optional<Set<Long>> campaignIds) {

    /**
     * The rows the criteria take: the range, the chosen campaigns and, for a caller limited to
     * some accounts, only those accounts' campaigns as the directory knows them now (a campaign
     * whose account is unknown belongs to no account, REPORTS.md tenancy).
     */
    public static Selection of(ReportCriteria criteria, Directory directory) {
      Optional<Set<Long>> chosen =
          criteria.campaignIds().isEmpty() ? Optional.empty() : Optional.of(criteria.campaignIds());
      if (criteria.scope().accounts().isPresent()) {
        Set<Long> owned = new HashSet<>();
        for (long account : criteria.scope().accounts().get()) {
          owned.addAll(directory.campaignsOf(account));
        }
        chosen.ifPresent(owned::retainAll);
        chosen = Optional.of(owned);
      }
      return new Selection(criteria.from(), criteria.to(), chosen);
    }
  }

  /**
   * A stored column to order a page by, as the console's preview orders cells: empty cells
   * first, numbers by value, text by code point; ties keep the report's order.
   */
  public enum SortKey {
    CHATCAMPAIGN_ID("campaign_id", NEVER_EMPTY, "campaign_id"),
    CONVERSATION_START("started_at_ms", NEVER_EMPTY, "started_at_ms"),
    SESSION_ID("session_id", NEVER_EMPTY, "session_id"),
    ASSIGNED_AGENT_ID("first_agent_id", "first_agent_id IS NULL", "first_agent_id"),
    LAST_AGENT_ID("last_agent_id", "last_agent_id IS NULL", "last_agent_id"),
    VISITOR_ID("visitor_id"),
    HOST_ID("host_id", true),
    NUM_MESSAGES("num_messages", true),
    DURATION_TOTAL_SECS("duration_total", true),
    DURATION_CONVERSATION_SECS("duration_conversation", true),
    DURATION_AFTERCLOSE_SECS("duration_afterclose", true),
    AVGMESSAGELENGTH("avg_message_length", true),
    MAXMESSAGELENGTH("max_message_length", true),
    FIRSTRESPONSETIME("first_response_time", true),
    FIRSTREPLYTIME("first_reply_time", true),
    AVGRESPONSETIME("avg_response_time", true),
    MAXRESPONSETIME("max_response_time", true),
    DECISIONTIME("decision_time", true),
    TRANSCRIPTURL("session_id", NEVER_EMPTY, "session_id"),
    ACCEPTURL("accept_url"),
    SUCCESSCODE("successcode"),
    SURVEY_RESULT("survey_result"),
    SURVEY_COMMENT("survey_comment"),
    VISITOR_IDENTIFIER("visitor_identifier"),
    BLOCKED("blocked"),
    BLOCK_REASON("block_reason"),
    GOALS("goals"),
    TOTALGOALVALUE("total_goal_value", true);

    private final String empty;
    private final String value;

    SortKey(String column) {
      this(column, column + " = ''", column);
    }

    /** A column of numbers stored as their printed cells: ordered by value. */
    SortKey(String column, boolean numbers) {
      this(column, column + " = ''", "CAST(" + column + " AS DECIMAL(30, 6))");
    }

    SortKey(String column, String empty, String value) {
      this.empty = empty;
      this.value = value;
    }

    /** The key of a report column, when that column's cells are stored. */
    public static Optional<SortKey> forColumn(String reportColumn) {
      String name = reportColumn.toUpperCase(java.util.Locale.ROOT);
      return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The same order as the database's ORDER BY terms (before the report's order). */
    String orderBy(boolean ascending) {
      String emptyFirst = empty.isEmpty() ? "" : "(" + empty + ") " + (ascending ? "DESC, " : "ASC, ");
      return emptyFirst + value + (ascending ? " ASC, " : " DESC, ");
    }
  }

  @Inject DataSource dataSource;

  /** Stores these rows, replacing the earlier ones of the same sessions; joins the transaction. */
  public void replace(Collection<ConversationRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(REPLACE)) {
      for (ConversationRow row : rows) {
        bindRow(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store " + rows.size() + " conversation rows", e);
    }
  }

  public void clear() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM exports_conversation");
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear the conversation rows", e);
    }
  }

  /**
   * Hands every selected row to {@code each}, in the report's order (start, campaign, session),
   * while reading: nothing is collected. Meant to run outside any transaction, on a connection of
   * its own.
   */
  public void forEach(Selection selection, Consumer<ConversationRow> each) {
    if (nothingSelected(selection)) {
      return;
    }
    String sql =
        "SET STATEMENT net_write_timeout="
            + NET_WRITE_TIMEOUT_SECONDS
            + " FOR "
            + SELECT
            + where(selection)
            + " ORDER BY "
            + REPORT_ORDER;
    stream(sql, selection, rows -> each.accept(read(rows)), "read the conversation rows");
  }

  /** One selected row of a streamed query, read where the cursor is. */
  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  /**
   * Runs a query of the selection on a connection of its own and hands each row to {@code reader}
   * as it arrives (fetched in slices of {@link #FETCH_SIZE}): nothing is collected here.
   */
  private void stream(String sql, Selection selection, RowReader reader, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH_SIZE);
      bind(statement, selection);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not " + what, e);
    }
  }

  /**
   * The selection's session ids sorted by one stored column as the console's preview orders
   * cells: empty cells first (last when descending), the column's values as the database reads
   * them ({@link SortKey}: numbers by value, text by code point), ties in the report's order.
   * Sorted here, not by the database: MariaDB sorts a million rows by a computed number in tens of
   * seconds (and again for every page), while each row's value and key are read in one pass
   * (streamed) and sorted in memory in about a second, and any page of the result is then a
   * lookup of its ids ({@link #rows}).
   */
  public SessionOrder order(Selection selection, SortKey key, boolean ascending) {
    if (nothingSelected(selection)) {
      return SessionOrder.of(List.of());
    }
    String empty = key.empty.isEmpty() ? "FALSE" : key.empty;
    String sql =
        "SELECT "
            + empty
            + ", "
            + key.value
            + ", started_at_ms, campaign_id, session_id FROM exports_conversation"
            + where(selection);
    List<Sortable> rows = new ArrayList<>();
    stream(
        sql,
        selection,
        read -> {
          boolean isEmpty = read.getBoolean(1);
          rows.add(
              new Sortable(
                  isEmpty,
                  isEmpty ? null : comparable(read.getObject(2)),
                  read.getLong(3),
                  read.getLong(4),
                  read.getString(5)));
        },
        "sort the conversation rows");
    Comparator<Sortable> cells = Comparator.comparing(Sortable::empty).reversed();
    cells = cells.thenComparing(Sortable::value, Comparator.nullsFirst(ConversationRowStore::compareValues));
    rows.sort(
        (ascending ? cells : cells.reversed())
            .thenComparingLong(Sortable::startedAtMs)
            .thenComparingLong(Sortable::campaignId)
            .thenComparing(r -> binary(r.sessionId()), Arrays::compareUnsigned));
    return SessionOrder.of(rows.stream().map(Sortable::sessionId).toList());
  }

  private record Sortable(
      boolean empty, Object value, long startedAtMs, long campaignId, String sessionId) {}

  /** Numbers as numbers; text as its UTF-8 bytes, which utf8mb4_bin compares. */
  private static Object comparable(Object value) {
    return value instanceof String text ? binary(text) : value;
  }

  /** As utf8mb4_bin compares: by code point, trailing spaces ignored (PAD SPACE). */
  private static byte[] binary(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end).getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }

  /**
   * Session ids in an order, kept compactly (one array of their UTF-8 bytes): a million of them
   * take some 15 MB instead of some 60 MB as strings.
   */
  public static final class SessionOrder {
    private final byte[] bytes;
    private final int[] ends;

    private SessionOrder(byte[] bytes, int[] ends) {
      this.bytes = bytes;
      this.ends = ends;
    }

    static SessionOrder of(List<String> sessionIds) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      int[] ends = new int[sessionIds.size()];
      for (int i = 0; i < ends.length; i++) {
        byte[] id = sessionIds.get(i).getBytes(StandardCharsets.UTF_8);
        all.write(id, 0, id.length);
        ends[i] = all.size();
      }
      return new SessionOrder(all.toByteArray(), ends);
    }

    public int size() {
      return ends.length;
    }

    /** The ids from position {@code from} (included) to {@code to} (excluded), within the order. */
    public List<String> slice(int from, int to) {
      List<String> ids = new ArrayList<>();
      for (int i = Math.max(0, from); i < Math.min(to, ends.length); i++) {
        int start = i == 0 ? 0 : ends[i - 1];
        ids.add(new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8));
      }
      return ids;
    }
  }

  /** The rows of these sessions, in the order given; sessions no longer stored are left out. */
  public List<ConversationRow> rows(List<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    String sql =
        SELECT
            + " WHERE session_id IN ("
            + String.join(", ", Collections.nCopies(sessionIds.size(), "?"))
            + ")";
    Map<String, ConversationRow> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < sessionIds.size(); i++) {
        statement.setString(i + 1, sessionIds.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ConversationRow row = read(rows);
          found.put(row.sessionId(), row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read conversation rows by session", e);
    }
    return sessionIds.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  /** A row's place in the report's order: the table's primary key. */
  public record Position(long startedAtMs, long campaignId, String sessionId) {}

  /**
   * How many rows a selection has, and where every {@code step}-th of them is in the report's
   * order ({@code marks.get(i)} is the position of row {@code i * step}, counting from 0).
   */
  public record Positions(long total, int step, List<Position> marks) {
    public Positions {
      marks = List.copyOf(marks);
    }
  }

  /**
   * Counts the selection and marks every {@code step}-th row's position, in one pass over its keys
   * in the report's order (streamed; only the marks are kept), so that a page deep into millions
   * of rows can start at the mark before it instead of skipping every row before it.
   */
  public Positions positions(Selection selection, int step) {
    if (step < 1) {
      throw new IllegalArgumentException("step >= 1");
    }
    if (nothingSelected(selection)) {
      return new Positions(0, step, List.of());
    }
    String sql =
        "SELECT started_at_ms, campaign_id, session_id FROM exports_conversation"
            + where(selection)
            + " ORDER BY "
            + REPORT_ORDER;
    List<Position> marks = new ArrayList<>();
    long[] total = {0};
    stream(
        sql,
        selection,
        rows -> {
          if (total[0] % step == 0) {
            marks.add(new Position(rows.getLong(1), rows.getLong(2), rows.getString(3)));
          }
          total[0]++;
        },
        "mark the conversation rows' positions");
    return new Positions(total[0], step, marks);
  }

  /**
   * One page of the selection in the report's order: {@code skip} rows from {@code from} (that row
   * included, if it is still there) are passed over, the next {@code limit} returned. The database
   * seeks to {@code from} on the primary key, so the cost is that of {@code skip + limit} rows
   * wherever the page is.
   */
  public List<ConversationRow> pageFrom(Selection selection, Position from, int skip, int limit) {
    if (nothingSelected(selection)) {
      return List.of();
    }
    String sql =
        SELECT
            + where(selection)
            // The first term bounds the index range; the rest is (start, campaign, session) >= from,
            // spelled out because MariaDB does not range-scan a row comparison.
            + " AND started_at_ms >= ? AND (started_at_ms > ? OR (started_at_ms = ? AND (campaign_id > ?"
            + " OR (campaign_id = ? AND session_id >= ?))))"
            + " ORDER BY "
            + REPORT_ORDER
            + " LIMIT ? OFFSET ?";
    List<ConversationRow> page = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = bind(statement, selection);
      statement.setLong(next++, from.startedAtMs());
      statement.setLong(next++, from.startedAtMs());
      statement.setLong(next++, from.startedAtMs());
      statement.setLong(next++, from.campaignId());
      statement.setLong(next++, from.campaignId());
      statement.setString(next++, from.sessionId());
      statement.setInt(next++, limit);
      statement.setInt(next, skip);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          page.add(read(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a page of conversation rows", e);
    }
    return page;
  }

  private static boolean nothingSelected(Selection selection) {
    return selection.campaignIds().map(Set::isEmpty).orElse(false);
  }

  private static String where(Selection selection) {
    int campaigns = selection.campaignIds().map(Set::size).orElse(0);
    return " WHERE started_at_ms >= ? AND started_at_ms < ?"
        + (campaigns == 0
            ? ""
            : " AND campaign_id IN (" + String.join(", ", Collections.nCopies(campaigns, "?")) + ")");
  }

  /** Binds the selection's parameters; returns the next parameter's index. */
  private static int bind(PreparedStatement statement, Selection selection) throws SQLException {
    statement.setLong(1, selection.from().toEpochMilli());
    statement.setLong(2, selection.to().toEpochMilli());
    int i = 3;
    for (long campaign : selection.campaignIds().map(List::copyOf).orElse(List.of())) {
      statement.setLong(i++, campaign);
    }
    return i;
  }

  private static void bindRow(PreparedStatement statement, ConversationRow row) throws SQLException {
    int i = 1;
    statement.setString(i++, row.sessionId());
    statement.setLong(i++, row.campaignId());
    statement.setLong(i++, row.startedAt().toEpochMilli());
    statement.setLong(i++, row.entryPointId());
    setOptional(statement, i++, row.firstAgentId());
    setOptional(statement, i++, row.lastAgentId());
    statement.setString(
        i++, row.involvedAgentIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
    for (String cell :
        List.of(
            row.visitorId(),
            row.hostId(),
            row.numMessages(),
            row.durationTotal(),
            row.durationConversation(),
            row.durationAfterClose(),
            row.avgMessageLength(),
            row.maxMessageLength(),
            row.firstResponseTime(),
            row.firstReplyTime(),
            row.avgResponseTime(),
            row.maxResponseTime(),
            row.decisionTime(),
            row.acceptUrl(),
            row.successCode(),
            row.surveyResult(),
            row.surveyComment(),
            row.visitorIdentifier(),
            row.blocked(),
            row.blockReason(),
            row.goals(),
            row.totalGoalValue())) {
      statement.setString(i++, cell);
    }
  }

  private static void setOptional(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static ConversationRow read(ResultSet rows) throws SQLException {
    String involved = rows.getString(7);
    List<Long> agents = involved.isEmpty() ? List.of() : agentIds(involved);
    return new ConversationRow(
        rows.getString(1),
        rows.getLong(2),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getLong(4),
        optionalLong(rows, 5),
        optionalLong(rows, 6),
        agents,
        rows.getString(8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        rows.getString(12),
        rows.getString(13),
        rows.getString(14),
        rows.getString(15),
        rows.getString(16),
        rows.getString(17),
        rows.getString(18),
        rows.getString(19),
        rows.getString(20),
        rows.getString(21),
        rows.getString(22),
        rows.getString(23),
        rows.getString(24),
        rows.getString(25),
        rows.getString(26),
        rows.getString(27),
        rows.getString(28),
        rows.getString(29));
  }

  /** "12,7,30" as its ids; by hand, because an export parses one per row. */
  private static List<Long> agentIds(String involved) {
    List<Long> ids = new ArrayList<>(2);
    int start = 0;
    for (int comma = involved.indexOf(','); comma >= 0; comma = involved.indexOf(',', start)) {
      ids.add(Long.parseLong(involved, start, comma, 10));
      start = comma + 1;
    }
    ids.add(Long.parseLong(involved, start, involved.length(), 10));
    return ids;
  }

  private static Optional<Long> optionalLong(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
