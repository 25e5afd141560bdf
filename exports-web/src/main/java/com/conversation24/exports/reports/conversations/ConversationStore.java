package com.conversation24.exports.reports.conversations;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.FeedSource;
import com.conversation24.exports.reports.PublicBaseUrl;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.RowSelection;
import com.conversation24.exports.reports.SortValue;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.timelines.OffsetSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The Conversations report's rows, {@code exports_conversation}: each session's own figures in
 * typed columns, its campaign's account and its handling type, written in the ingesting
 * transaction; read with the directory's cells joined, streamed in the report's order.
 */
@ApplicationScoped
public class ConversationStore implements ReportRows<ConversationsRow> {

  /** The stored columns, in the order {@link #figuresParameters} binds them. */
  private static final List<String> COLUMNS =
      List.of(
          "session_id",
          "campaign_id",
          "account_id",
          "started_at_ms",
          "entry_point_id",
          "first_agent_id",
          "last_agent_id",
          "involved_agent_ids",
          "visitor_id",
          "host_id",
          "num_messages",
          "duration_total_ms",
          "duration_conversation_ms",
          "duration_afterclose_ms",
          "avg_message_length",
          "max_message_length",
          "first_response_ms",
          "first_reply_ms",
          "avg_response_s",
          "max_response_ms",
          "decision_ms",
          "accept_url",
          "successcode",
          "survey_result",
          "survey_comment",
          "visitor_identifier",
          "blocked",
          "block_reason",
          "goals",
          "total_goal_value",
          "handling_type");

  private static final String REPLACE =
      "REPLACE INTO exports_conversation ("
          + String.join(", ", COLUMNS)
          + ") VALUES ("
          + Sql.placeholders(COLUMNS.size())
          + ")";

  /** The report's order, which the table's primary key and its account index keep. */
  static final String REPORT_ORDER = "c.started_at_ms, c.campaign_id, c.session_id";

  /** A row with the directory's cells, as exports and the console read it. */
  /** What {@link #row} reads: the stored figures and the directory's cells joined to them. */
  private static final String READ_COLUMNS =
      COLUMNS.stream().map(c -> "c." + c).collect(Collectors.joining(", "))
          + ", fa.account_id AS first_agent_account, fan.name AS first_agent_account_name,"
          + " la.account_id AS last_agent_account, lan.name AS last_agent_account_name,"
          + " e.type AS entry_point_type, e.name AS entry_point_name";

  private static final String JOINS =
      " LEFT JOIN exports_agent fa ON fa.agent_id = c.first_agent_id AND fa.username IS NOT NULL"
          + " LEFT JOIN exports_account fan ON fan.account_id = fa.account_id"
          + " LEFT JOIN exports_agent la ON la.agent_id = c.last_agent_id AND la.username IS NOT NULL"
          + " LEFT JOIN exports_account lan ON lan.account_id = la.account_id"
          + " LEFT JOIN exports_entry_point e ON e.entry_point_id = c.entry_point_id";

  static final String SELECT = "SELECT " + READ_COLUMNS + " FROM exports_conversation c" + JOINS + " ";

  /** Where a conversation counts as a chat in Traffic: its start and entry point. */
  public record Start(Instant at, long entryPointId) {}

  @Inject DataSource dataSource;

  @Inject PublicBaseUrl publicBaseUrl;

  @Override
  public ReportDefinition<ConversationsRow> definition() {
    return ConversationsReport.DEFINITION;
  }

  @Override
  public void forEach(ReportCriteria criteria, Consumer<ConversationsRow> each) {
    forEach(criteria, publicBaseUrl.value(), each);
  }

  /**
   * The stored starts of these sessions, their rows locked until the transaction ends: a batch
   * touching a session waits for another one touching it (PITFALLS: InnoDB, deadlocks retried).
   */
  public Map<String, Start> lockedStarts(Collection<String> sessionIds) {
    Map<String, Start> starts = new HashMap<>();
    if (sessionIds.isEmpty()) {
      return starts;
    }
    Sql.list(
            dataSource,
            "SELECT session_id, started_at_ms, entry_point_id FROM exports_conversation"
                + " WHERE session_id IN ("
                + Sql.placeholders(sessionIds.size())
                + ") FOR UPDATE",
            List.copyOf(sessionIds),
            rows ->
                Map.entry(
                    rows.getString(1),
                    new Start(Instant.ofEpochMilli(rows.getLong(2)), rows.getLong(3))))
        .forEach(e -> starts.put(e.getKey(), e.getValue()));
    return starts;
  }

  /**
   * Stores these conversations' rows in place of what was stored for them, with the handling type
   * of their agents' accounts; joins the transaction.
   *
   * @param campaignAccounts the accounts of their campaigns, those known
   * @param agentAccounts the accounts of their involved agents, those with a profile
   */
  public void replace(
      List<SessionFigures> rows, Map<Long, Long> campaignAccounts, Map<Long, Long> agentAccounts) {
    if (rows.isEmpty()) {
      return;
    }
    Sql.batch(
        dataSource,
        REPLACE,
        rows,
        f -> {
          long account = campaignAccounts.getOrDefault(f.campaignId(), DirectoryStore.NO_ACCOUNT);
          return figuresParameters(
              f, account, handlingType(f.involvedAgentIds(), account, agentAccounts::get));
        });
    List<String> sessions = rows.stream().map(SessionFigures::sessionId).toList();
    Sql.update(
        dataSource,
        "DELETE FROM exports_conversation_agent WHERE session_id IN ("
            + Sql.placeholders(sessions.size())
            + ")",
        sessions);
    List<Map.Entry<Long, String>> involved = new ArrayList<>();
    for (SessionFigures f : rows) {
      f.involvedAgentIds().forEach(agent -> involved.add(Map.entry(agent, f.sessionId())));
    }
    Sql.batch(
        dataSource,
        "INSERT INTO exports_conversation_agent (agent_id, session_id) VALUES (?, ?)",
        involved,
        e -> List.of(e.getKey(), e.getValue()));
  }

  private static Optional<HandlingType> handlingType(
      List<Long> involved, long account, LongFunction<Long> agentAccounts) {
    return HandlingType.of(
        involved,
        agent -> {
          Long a = agentAccounts.apply(agent);
          return a == null ? OptionalLong.empty() : OptionalLong.of(a);
        },
        account == DirectoryStore.NO_ACCOUNT ? OptionalLong.empty() : OptionalLong.of(account));
  }

  private static List<Object> figuresParameters(
      SessionFigures f, long account, Optional<HandlingType> handling) {
    List<Object> p = new ArrayList<>(COLUMNS.size());
    p.add(f.sessionId());
    p.add(f.campaignId());
    p.add(account);
    p.add(f.startedAt().toEpochMilli());
    p.add(f.entryPointId());
    p.add(f.firstAgentId());
    p.add(f.lastAgentId());
    p.add(f.involvedAgentIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
    p.add(f.visitorId());
    p.add(f.hostId());
    p.add(f.numMessages());
    p.add(f.durationTotalMillis());
    p.add(f.durationConversationMillis());
    p.add(f.durationAfterCloseMillis());
    p.add(f.avgMessageLength());
    p.add(f.maxMessageLength());
    p.add(f.firstResponseMillis());
    p.add(f.firstReplyMillis());
    p.add(f.avgResponseSeconds());
    p.add(f.maxResponseMillis());
    p.add(f.decisionMillis());
    p.add(f.acceptUrl());
    p.add(f.successCode());
    p.add(f.surveyResult().map(SurveyResult::name));
    p.add(f.surveyComment());
    p.add(f.visitorIdentifier());
    p.add(f.blocked());
    p.add(f.blockReason());
    p.add(f.goals());
    p.add(f.totalGoalValue());
    p.add(handling.map(HandlingType::name));
    return p;
  }

  /** Sessions restated per statement when an account changes under many conversations. */
  private static final int RESTATED_PER_PAGE = 1_000;

  /**
   * The campaign's conversations are now its account's: their key and their handling type (whose
   * primary account it is) are restated, a page of sessions at a time; joins the transaction.
   */
  public void restateAccount(long campaignId, long accountId) {
    Sql.update(
        dataSource,
        "UPDATE exports_conversation SET account_id = ? WHERE campaign_id = ?",
        List.of(accountId, campaignId));
    long[] afterStart = {Long.MIN_VALUE};
    String[] afterSession = {""};
    while (true) {
      List<Involvement> page =
          Sql.list(
              dataSource,
              "SELECT session_id, involved_agent_ids, account_id, started_at_ms FROM"
                  + " exports_conversation WHERE campaign_id = ? AND started_at_ms >= ? AND"
                  + " (started_at_ms > ? OR session_id > ?) ORDER BY started_at_ms, session_id"
                  + " LIMIT "
                  + RESTATED_PER_PAGE,
              List.of(campaignId, afterStart[0], afterStart[0], afterSession[0]),
              rows -> {
                afterStart[0] = rows.getLong(4);
                afterSession[0] = rows.getString(1);
                return involvement(rows);
              });
      restateHandling(page);
      if (page.size() < RESTATED_PER_PAGE) {
        return;
      }
    }
  }

  /** The handling type of every conversation these agents took part in, as their accounts are now. */
  public void restateHandlingOf(Collection<Long> agents) {
    for (long agent : agents) {
      String after = "";
      while (true) {
        List<String> sessions =
            Sql.list(
                dataSource,
                "SELECT session_id FROM exports_conversation_agent WHERE agent_id = ? AND"
                    + " session_id > ? ORDER BY session_id LIMIT "
                    + RESTATED_PER_PAGE,
                List.of(agent, after),
                rows -> rows.getString(1));
        if (!sessions.isEmpty()) {
          restateHandling(
              Sql.list(
                  dataSource,
                  "SELECT session_id, involved_agent_ids, account_id FROM exports_conversation"
                      + " WHERE session_id IN ("
                      + Sql.placeholders(sessions.size())
                      + ")",
                  sessions,
                  ConversationStore::involvement));
          after = sessions.get(sessions.size() - 1);
        }
        if (sessions.size() < RESTATED_PER_PAGE) {
          break;
        }
      }
    }
  }

  private record Involvement(String sessionId, List<Long> agents, long accountId) {}

  private static Involvement involvement(ResultSet rows) throws SQLException {
    return new Involvement(rows.getString(1), agentIds(rows.getString(2)), rows.getLong(3));
  }

  private void restateHandling(List<Involvement> involved) {
    java.util.Set<Long> agents = new java.util.HashSet<>();
    involved.forEach(i -> agents.addAll(i.agents()));
    Map<Long, Long> accounts = agentAccounts(agents);
    Sql.batch(
        dataSource,
        "UPDATE exports_conversation SET handling_type = ? WHERE session_id = ?",
        involved,
        i ->
            List.of(
                handlingType(i.agents(), i.accountId(), accounts::get).map(HandlingType::name),
                i.sessionId()));
  }

  private Map<Long, Long> agentAccounts(Collection<Long> agents) {
    Map<Long, Long> accounts = new HashMap<>();
    if (agents.isEmpty()) {
      return accounts;
    }
    Sql.list(
            dataSource,
            "SELECT agent_id, account_id FROM exports_agent WHERE username IS NOT NULL AND agent_id"
                + " IN ("
                + Sql.placeholders(agents.size())
                + ")",
            List.copyOf(agents),
            rows -> Map.entry(rows.getLong(1), rows.getLong(2)))
        .forEach(e -> accounts.put(e.getKey(), e.getValue()));
    return accounts;
  }

  public void clear() {
    Sql.update(dataSource, "DELETE FROM exports_conversation", List.of());
    Sql.update(dataSource, "DELETE FROM exports_conversation_agent", List.of());
  }

  @Override
  public Optional<FeedSource<ConversationsRow>> feed() {
    String base = publicBaseUrl.value();
    return Optional.of(
        new FeedSource<>(
            "exports_conversation_change",
            "exports_conversation c",
            "c.",
            List.of("started_at_ms", "campaign_id", "session_id"),
            READ_COLUMNS,
            JOINS,
            rows -> row(rows, base)));
  }

  /**
   * Hands every row the criteria select to {@code each}, in the report's order (start, campaign,
   * session), while reading: nothing is collected. Meant to run outside any transaction.
   */
  public void forEach(ReportCriteria criteria, String publicBaseUrl, Consumer<ConversationsRow> each) {
    RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms");
    if (selection.empty()) {
      return;
    }
    Sql.stream(
        dataSource,
        SELECT + selection.where() + " ORDER BY " + REPORT_ORDER,
        selection.parameters(),
        rows -> each.accept(row(rows, publicBaseUrl)));
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
  public Positions positions(ReportCriteria criteria, int step) {
    if (step < 1) {
      throw new IllegalArgumentException("step >= 1");
    }
    RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms");
    if (selection.empty()) {
      return new Positions(0, step, List.of());
    }
    List<Position> marks = new ArrayList<>();
    long[] total = {0};
    Sql.stream(
        dataSource,
        "SELECT c.started_at_ms, c.campaign_id, c.session_id FROM exports_conversation c "
            + selection.where()
            + " ORDER BY "
            + REPORT_ORDER,
        selection.parameters(),
        rows -> {
          if (total[0] % step == 0) {
            marks.add(new Position(rows.getLong(1), rows.getLong(2), rows.getString(3)));
          }
          total[0]++;
        });
    return new Positions(total[0], step, marks);
  }

  /**
   * One page of the selection in the report's order: {@code skip} rows from {@code from} (that row
   * included, if it is still there) are passed over, the next {@code limit} returned. The database
   * seeks to {@code from} in the report's order, so the cost is that of {@code skip + limit} rows
   * wherever the page is.
   */
  public List<ConversationsRow> pageFrom(
      ReportCriteria criteria, Position from, int skip, int limit) {
    RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms");
    if (selection.empty()) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>(selection.parameters());
    parameters.addAll(
        List.of(
            from.startedAtMs(),
            from.startedAtMs(),
            from.startedAtMs(),
            from.campaignId(),
            from.campaignId(),
            from.sessionId(),
            limit,
            skip));
    return Sql.list(
        dataSource,
        SELECT
            + selection.where()
            // The first term bounds the index range; the rest is (start, campaign, session) >= from,
            // spelled out because MariaDB does not range-scan a row comparison.
            + " AND c.started_at_ms >= ? AND (c.started_at_ms > ? OR (c.started_at_ms = ? AND"
            + " (c.campaign_id > ? OR (c.campaign_id = ? AND c.session_id >= ?))))"
            + " ORDER BY "
            + REPORT_ORDER
            + " LIMIT ? OFFSET ?",
        parameters,
        rows -> row(rows, publicBaseUrl.value()));
  }

  /**
   * How each column's cells order, as SQL over {@link #SELECT}: the stored typed value, or the
   * directory's joined one. Empty cells are NULL, which MariaDB puts first ascending.
   */
  private static final Map<String, String> SORTED_BY =
      Map.ofEntries(
          Map.entry("chatcampaign_id", "c.campaign_id"),
          Map.entry("conversation_start", "c.started_at_ms"),
          Map.entry("session_id", "c.session_id"),
          Map.entry("assigned_agent_id", "c.first_agent_id"),
          Map.entry("assigned_agent_account_id", "fa.account_id"),
          Map.entry("assigned_agent_account_name", "fan.name"),
          Map.entry("last_agent_id", "c.last_agent_id"),
          Map.entry("last_agent_account_id", "la.account_id"),
          Map.entry("last_agent_account_name", "lan.name"),
          Map.entry("visitor_id", "c.visitor_id"),
          Map.entry("account_id", "NULLIF(c.account_id, 0)"),
          Map.entry("host_id", "c.host_id"),
          Map.entry("num_messages", "c.num_messages"),
          Map.entry("duration_total_secs", "c.duration_total_ms"),
          Map.entry("duration_conversation_secs", "c.duration_conversation_ms"),
          Map.entry("duration_afterclose_secs", "c.duration_afterclose_ms"),
          Map.entry("avgMessageLength", "c.avg_message_length"),
          Map.entry("maxMessageLength", "c.max_message_length"),
          Map.entry("requestType", "e.type"),
          Map.entry("requestSource", "e.name"),
          Map.entry("firstResponseTime", "c.first_response_ms"),
          Map.entry("firstReplyTime", "c.first_reply_ms"),
          Map.entry("avgResponseTime", "c.avg_response_s"),
          Map.entry("maxResponseTime", "c.max_response_ms"),
          Map.entry("decisionTime", "c.decision_ms"),
          Map.entry("transcriptUrl", "c.session_id"),
          Map.entry("acceptUrl", "c.accept_url"),
          Map.entry("successcode", "c.successcode"),
          Map.entry("survey_result", "c.survey_result"),
          Map.entry("survey_comment", "c.survey_comment"),
          Map.entry("visitor_identifier", "c.visitor_identifier"),
          Map.entry("blocked", "c.blocked"),
          Map.entry("block_reason", "c.block_reason"),
          Map.entry("goals", "c.goals"),
          Map.entry("totalGoalValue", "c.total_goal_value"),
          Map.entry("handlingType", "c.handling_type"));

  /** Bytes MariaDB may sort in memory for one preview page sorted by the database. */
  private static final long SORT_BUFFER_BYTES = 128L * 1024 * 1024;

  /**
   * The selection's session ids sorted by a column (ties in the report's order), or {@code null}
   * once more than {@code most} rows come, so that the caller pages through the database instead
   * of keeping so many. One streamed read of each row's session id and sort value in the report's
   * order (the clustered key, no sort in the database), then a sort in memory: the distinct values
   * are ranked as the typed cells order ({@link SortValue#ORDER}: empty first, numbers by value,
   * text by its characters) and each row becomes one {@code long}, its value's rank above its
   * position, so that one primitive sort gives the order with ties kept in the report's order.
   * For a million rows this takes about a third of what MariaDB's filesort of the same rows and
   * key takes (docs/benchmarks.md, Preview).
   */
  public SessionOrder order(ReportCriteria criteria, String column, boolean ascending, int most) {
    RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms");
    if (selection.empty()) {
      return SessionOrder.of(List.of());
    }
    String expression = sortedBy(column);
    if (expression.equals("c.session_id")) {
      return sortedIds(selection, ascending, most);
    }
    Lookup lookup = LOOKED_UP.get(expression);
    SessionOrder.Builder ids = new SessionOrder.Builder();
    Map<Object, Integer> codes = new HashMap<>();
    int[][] codeOf = {new int[1024]};
    try {
      Sql.stream(
          dataSource,
          "SELECT c.session_id, "
              + (lookup == null ? expression : lookup.storedId())
              + " FROM exports_conversation c "
              + selection.where()
              + " ORDER BY "
              + REPORT_ORDER,
          selection.parameters(),
          rows -> {
            int position = ids.size();
            if (position >= most) {
              throw new TooMany();
            }
            ids.add(rows.getString(1));
            if (position == codeOf[0].length) {
              codeOf[0] = Arrays.copyOf(codeOf[0], position * 2);
            }
            codeOf[0][position] = codes.computeIfAbsent(rows.getObject(2), v -> codes.size());
          });
    } catch (TooMany e) {
      return null;
    }
    Function<Object, Object> cell = lookup == null ? value -> value : cells(lookup, codes.keySet());
    return ids.build().sortedBy(ranked(codes, cell, codeOf[0], ids.size(), ascending));
  }

  /**
   * Sorted by the session id itself: the values are the ids, each once, so they sort as
   * themselves, without ranks (a third faster for a million ids); {@code null} past {@code most}.
   */
  private SessionOrder sortedIds(RowSelection selection, boolean ascending, int most) {
    List<String> ids = new ArrayList<>();
    try {
      Sql.stream(
          dataSource,
          "SELECT c.session_id FROM exports_conversation c " + selection.where(),
          selection.parameters(),
          rows -> {
            if (ids.size() >= most) {
              throw new TooMany();
            }
            ids.add(rows.getString(1));
          });
    } catch (TooMany e) {
      return null;
    }
    String[] sorted = ids.toArray(new String[0]);
    Arrays.sort(sorted);
    SessionOrder.Builder order = new SessionOrder.Builder();
    for (int i = 0; i < sorted.length; i++) {
      order.add(sorted[ascending ? i : sorted.length - 1 - i]);
    }
    return order.build();
  }

  /**
   * A sort by a directory cell (an agent's account or its name, an entry point's type or name):
   * the rows' stored id is read instead, and its cell looked up once per distinct id, not joined
   * for each of a million rows (which took MariaDB some two thirds of the order's time).
   *
   * @param cellsOf the lookup's query up to its {@code IN}: id, then the cell
   */
  private record Lookup(String storedId, String cellsOf) {}

  private static final String AGENT_ACCOUNT =
      "SELECT agent_id, account_id FROM exports_agent WHERE username IS NOT NULL AND agent_id IN ";

  private static final String AGENT_ACCOUNT_NAME =
      "SELECT a.agent_id, n.name FROM exports_agent a LEFT JOIN exports_account n ON n.account_id"
          + " = a.account_id WHERE a.username IS NOT NULL AND a.agent_id IN ";

  private static final String ENTRY_POINT =
      " FROM exports_entry_point WHERE entry_point_id IN ";

  /** The directory's cells of {@link #SORTED_BY}, by their expression there. */
  private static final Map<String, Lookup> LOOKED_UP =
      Map.of(
          "fa.account_id", new Lookup("c.first_agent_id", AGENT_ACCOUNT),
          "fan.name", new Lookup("c.first_agent_id", AGENT_ACCOUNT_NAME),
          "la.account_id", new Lookup("c.last_agent_id", AGENT_ACCOUNT),
          "lan.name", new Lookup("c.last_agent_id", AGENT_ACCOUNT_NAME),
          "e.type", new Lookup("c.entry_point_id", "SELECT entry_point_id, type" + ENTRY_POINT),
          "e.name", new Lookup("c.entry_point_id", "SELECT entry_point_id, name" + ENTRY_POINT));

  /** Ids looked up per query. */
  private static final int IDS_PER_LOOKUP = 500;

  /** The cell of each of these ids (an empty id, or one the directory lacks, has none). */
  private Function<Object, Object> cells(Lookup lookup, Collection<Object> ids) {
    List<Object> known = ids.stream().filter(java.util.Objects::nonNull).toList();
    Map<Object, Object> cells = new HashMap<>();
    for (int from = 0; from < known.size(); from += IDS_PER_LOOKUP) {
      List<Object> slice = known.subList(from, Math.min(known.size(), from + IDS_PER_LOOKUP));
      Sql.list(
              dataSource,
              lookup.cellsOf() + "(" + Sql.placeholders(slice.size()) + ")",
              slice,
              rows -> new Object[] {rows.getObject(1), rows.getObject(2)})
          .forEach(found -> cells.put(found[0], found[1]));
    }
    return cells::get;
  }

  /**
   * Positions sorted by their values' rank (descending ranks reversed), ties by position: each
   * {@code (rank << 32) | position} sorted as one number.
   */
  private static int[] ranked(
      Map<Object, Integer> codes,
      Function<Object, Object> cell,
      int[] codeOf,
      int size,
      boolean ascending) {
    // Each distinct value read, as its cell, with its code; sorted by the cell.
    Object[][] distinct = new Object[codes.size()][];
    int[] next = {0};
    codes.forEach((read, code) -> distinct[next[0]++] = new Object[] {cell.apply(read), code});
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<Object> cells = (Comparator) SortValue.ORDER;
    Arrays.sort(distinct, (x, y) -> cells.compare(x[0], y[0]));
    // Equal cells (two ids of one name) share a rank, so their rows keep the report's order.
    int[] rankOfCode = new int[distinct.length];
    int rank = -1;
    for (int i = 0; i < distinct.length; i++) {
      if (i == 0 || cells.compare(distinct[i - 1][0], distinct[i][0]) != 0) {
        rank++;
      }
      rankOfCode[(Integer) distinct[i][1]] = rank;
    }
    if (!ascending) {
      for (int code = 0; code < rankOfCode.length; code++) {
        rankOfCode[code] = rank - rankOfCode[code];
      }
    }
    long[] keys = new long[size];
    for (int position = 0; position < size; position++) {
      keys[position] = ((long) rankOfCode[codeOf[position]] << 32) | position;
    }
    Arrays.sort(keys);
    int[] positions = new int[size];
    for (int i = 0; i < size; i++) {
      positions[i] = (int) keys[i];
    }
    return positions;
  }

  /** Stops reading an order that grew past what may be kept. */
  private static final class TooMany extends RuntimeException {
    TooMany() {
      super("more rows than a kept order holds", null, false, false);
    }
  }

  /** A page of the selection sorted by a column, sorted by the database for this page alone. */
  public List<ConversationsRow> sortedPage(
      ReportCriteria criteria, String column, boolean ascending, int offset, int limit) {
    RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms");
    if (selection.empty()) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>(selection.parameters());
    parameters.add(limit);
    parameters.add(offset);
    return Sql.list(
        dataSource,
        "SET STATEMENT sort_buffer_size=" + SORT_BUFFER_BYTES + " FOR "
            + SELECT
            + selection.where()
            + " ORDER BY "
            + orderBy(column, ascending)
            + " LIMIT ? OFFSET ?",
        parameters,
        rows -> row(rows, publicBaseUrl.value()));
  }

  /** Whether the preview can sort by this column in the database. */
  public static boolean sorts(String column) {
    return SORTED_BY.containsKey(column);
  }

  private static String sortedBy(String column) {
    String expression = SORTED_BY.get(column);
    if (expression == null) {
      throw new IllegalArgumentException("no column " + column);
    }
    return expression;
  }

  private static String orderBy(String column, boolean ascending) {
    return sortedBy(column) + (ascending ? " ASC, " : " DESC, ") + REPORT_ORDER;
  }

  /** The rows of these sessions, in the order given; sessions no longer stored are left out. */
  public List<ConversationsRow> rows(List<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    Map<String, ConversationsRow> found = new HashMap<>();
    Sql.list(
            dataSource,
            SELECT + "WHERE c.session_id IN (" + Sql.placeholders(sessionIds.size()) + ")",
            sessionIds,
            rows -> row(rows, publicBaseUrl.value()))
        .forEach(r -> found.put(r.figures().sessionId(), r));
    return sessionIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * How many of the selected conversations started in one local hour of day (0-23) through one
   * kind of entry point; an hour may come more than once (once per offset the range has).
   */
  public record ChatsInHour(int hourOfDay, Optional<EntryPointType> type, long chats) {}

  /**
   * The selected conversations counted per local hour of day of their start and entry point type,
   * by the database: per span of one offset (a month has one or two), per hour of that offset's
   * clock and entry point, then the entry points' types joined to those few groups. The count reads
   * an index holding the start and the entry point (the account's, or the start's for a caller of
   * every account), not the rows: a month of a million conversations is some 40 MB of index
   * instead of some 250 MB of rows.
   */
  public List<ChatsInHour> chatsByHourOfDay(ReportCriteria criteria) {
    List<ChatsInHour> counted = new ArrayList<>();
    String index =
        criteria.campaignIds().isEmpty()
            ? criteria.scope().accounts().isPresent()
                ? " FORCE INDEX (ix_exports_conversation_account) "
                : " FORCE INDEX (ix_exports_conversation_start_entry_point) "
            : " ";
    for (OffsetSpan span : OffsetSpan.of(criteria.from(), criteria.to(), criteria.zone())) {
      RowSelection selection = RowSelection.of(criteria, "c.", "started_at_ms", span.from(), span.to());
      if (selection.empty()) {
        return List.of();
      }
      List<Object> parameters = new ArrayList<>();
      parameters.add(span.offsetMillis());
      parameters.addAll(selection.parameters());
      counted.addAll(
          Sql.list(
              dataSource,
              "SELECT g.local_hour, e.type, SUM(g.chats) FROM (SELECT FLOOR((c.started_at_ms + ?)"
                  + " / 3600000) MOD 24 AS local_hour, c.entry_point_id, COUNT(*) AS chats FROM"
                  + " exports_conversation c"
                  + index
                  + selection.where()
                  + " GROUP BY local_hour, c.entry_point_id ORDER BY NULL) g LEFT JOIN"
                  + " exports_entry_point e ON e.entry_point_id = g.entry_point_id"
                  + " GROUP BY g.local_hour, e.type",
              parameters,
              rows ->
                  new ChatsInHour(
                      // MOD keeps the sign: an hour before 1970 comes as -23..-1.
                      Math.floorMod(rows.getInt(1), 24),
                      Sql.optionalString(rows, "type").map(EntryPointType::valueOf),
                      rows.getLong(3))));
    }
    return counted;
  }

  /** The row where the cursor of a {@link #SELECT} is. */
  static ConversationsRow row(ResultSet rows, String publicBaseUrl) throws SQLException {
    SessionFigures f =
        new SessionFigures(
            rows.getString("session_id"),
            rows.getLong("campaign_id"),
            Instant.ofEpochMilli(rows.getLong("started_at_ms")),
            rows.getLong("entry_point_id"),
            Sql.optionalLong(rows, "first_agent_id"),
            Sql.optionalLong(rows, "last_agent_id"),
            agentIds(rows.getString("involved_agent_ids")),
            rows.getString("visitor_id"),
            Sql.optionalLong(rows, "host_id"),
            rows.getLong("num_messages"),
            Sql.optionalLong(rows, "duration_total_ms"),
            rows.getLong("duration_conversation_ms"),
            Sql.optionalLong(rows, "duration_afterclose_ms"),
            rows.getBigDecimal("avg_message_length"),
            rows.getLong("max_message_length"),
            Sql.optionalLong(rows, "first_response_ms"),
            Sql.optionalLong(rows, "first_reply_ms"),
            Optional.ofNullable(rows.getBigDecimal("avg_response_s")),
            Sql.optionalLong(rows, "max_response_ms"),
            Sql.optionalLong(rows, "decision_ms"),
            Sql.optionalString(rows, "accept_url"),
            Sql.optionalString(rows, "successcode"),
            Sql.optionalString(rows, "survey_result").map(SurveyResult::valueOf),
            Sql.optionalString(rows, "survey_comment"),
            rows.getString("visitor_identifier"),
            rows.getBoolean("blocked"),
            Sql.optionalString(rows, "block_reason"),
            Sql.optionalString(rows, "goals"),
            Optional.ofNullable(rows.getBigDecimal("total_goal_value")));
    long account = rows.getLong("account_id");
    return new ConversationsRow(
        f,
        account == DirectoryStore.NO_ACCOUNT ? OptionalLong.empty() : OptionalLong.of(account),
        Sql.optionalLong(rows, "first_agent_account"),
        Sql.optionalString(rows, "first_agent_account_name"),
        Sql.optionalLong(rows, "last_agent_account"),
        Sql.optionalString(rows, "last_agent_account_name"),
        Sql.optionalString(rows, "entry_point_type").map(EntryPointType::valueOf),
        Sql.optionalString(rows, "entry_point_name"),
        Sql.optionalString(rows, "handling_type").map(HandlingType::valueOf),
        ConversationsRow.transcriptUrl(publicBaseUrl, f.sessionId()));
  }

  /** "12,7,30" as its ids; by hand, because an export parses one per row. */
  static List<Long> agentIds(String involved) {
    if (involved.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(2);
    int start = 0;
    for (int comma = involved.indexOf(','); comma >= 0; comma = involved.indexOf(',', start)) {
      ids.add(Long.parseLong(involved, start, comma, 10));
      start = comma + 1;
    }
    ids.add(Long.parseLong(involved, start, involved.length(), 10));
    return ids;
  }
}
