package com.conversation24.exports.reports.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.TestDatabase;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.PublicBaseUrl;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.SortValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The Conversations store against a real MariaDB with the exports migrations: rows read back as
 * stored; a page started from a marked position is the page at its offset, for a whole range, a
 * narrower one, a campaign filter and an account; and for every column, the database's order of
 * the selection (what the console's preview pages through) is the order of the column's typed
 * cells (empty first, then by value, ties in the report's order). The rows share starts and
 * campaigns, so the report order's later keys matter.
 */
@ExtendWith(TestDatabase.class)
class ConversationStoreIT {

  private static final String DATABASE = "exports_conversation_store_it";
  private static final int ROWS = 230;
  private static final int STEP = 7;
  private static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant SPRING = Instant.parse("2026-03-28T00:00:00Z");
  private static final String BASE = "https://exports.example";

  private static ConversationStore store;

  @BeforeAll
  static void table() throws SQLException {
    TestDatabase.DatabaseAccount server = TestDatabase.account("");
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    TestDatabase.DatabaseAccount account = TestDatabase.account(DATABASE);
    MariaDbDataSource dataSource = new MariaDbDataSource(account.url());
    dataSource.setUser(account.user());
    dataSource.setPassword(account.password());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/exports")
        .table("flyway_history_exports")
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // The directory's cells the rows join: two accounts, agents 1-6, entry points 1-4.
      s.execute("INSERT INTO exports_account VALUES (1, 'Acme', 0, 'a1'), (2, 'Beta', 0, 'a2')");
      for (int agent = 1; agent <= 6; agent++) {
        s.execute(
            "INSERT INTO exports_agent (agent_id, account_id, username) VALUES ("
                + agent + ", " + (agent % 2 + 1) + ", 'agent" + agent + "')");
      }
      for (int entryPoint = 1; entryPoint <= 4; entryPoint++) {
        s.execute(
            "INSERT INTO exports_entry_point VALUES (" + entryPoint + ", " + entryPoint
                + ", 'Button " + (char) ('E' - entryPoint) + "', '"
                + (entryPoint % 2 == 0 ? "INVITE" : "BUTTON") + "', 0, 'e')");
      }
      // Entry point 5 has entry point 2's name: sorted by name, their rows tie.
      s.execute("INSERT INTO exports_entry_point VALUES (5, 5, 'Button C', 'BUTTON', 0, 'e')");
    }
    store = new ConversationStore();
    store.dataSource = inABatch(dataSource);
    store.publicBaseUrl = PublicBaseUrl.of(BASE + "/");
    List<SessionFigures> rows = new ArrayList<>();
    for (int n = 0; n < ROWS; n++) {
      // Three conversations a second, over four campaigns; session ids out of the numbers' order.
      rows.add(figures("s" + (n * 37 % 101) + "-" + n, n % 4 + 1, DAY.plusSeconds(n / 3), n));
    }
    // Two days over Amsterdam's spring change (2026-03-29 01:00 UTC), one conversation every
    // 25 minutes, for the dashboard's hours of day; outside every other test's range.
    for (int n = 0; n < 2 * 24 * 60 / 25; n++) {
      rows.add(figures("dst-" + n, n % 5 + 1, SPRING.plusSeconds(n * 25 * 60L), n));
    }
    // Campaigns 1 and 3 are account 1's, 2 is account 2's, 4 is not known.
    store.replace(rows, Map.of(1L, 1L, 2L, 2L, 3L, 1L), Map.of(1L, 2L, 2L, 1L, 3L, 2L, 4L, 1L));
  }

  @Test
  void chatsPerHourOfDayAreTheRowsCountedByTheirLocalHourAndEntryPointType() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    Instant to = SPRING.plus(Duration.ofDays(2));
    List<ReportCriteria> selections =
        List.of(
            ReportCriteria.all(SPRING, to, amsterdam),
            ReportCriteria.all(SPRING.plusSeconds(3600), to, ZoneId.of("Asia/Kolkata")),
            new ReportCriteria(SPRING, to, amsterdam, Set.of(2L, 3L), Set.of(), AccountScope.ALL),
            new ReportCriteria(
                SPRING, to, amsterdam, Set.of(), Set.of(), AccountScope.only(Set.of(1L))));
    for (ReportCriteria criteria : selections) {
      Map<String, Long> expected = new java.util.TreeMap<>();
      for (ConversationsRow row : all(criteria)) {
        int hour = row.figures().startedAt().atZone(criteria.zone()).getHour();
        expected.merge(hour + " " + row.requestType(), 1L, Long::sum);
      }
      Map<String, Long> counted = new java.util.TreeMap<>();
      for (ConversationStore.ChatsInHour h : store.chatsByHourOfDay(criteria)) {
        counted.merge(h.hourOfDay() + " " + h.type(), h.chats(), Long::sum);
      }

      assertThat(counted).as(criteria.toString()).isEqualTo(expected);
      assertThat(expected).as(criteria + " has rows in many hours").hasSizeGreaterThan(10);
    }
  }

  @Test
  void rowsReadBackAsStoredWithTheDirectorysCells() {
    List<ConversationsRow> all = new ArrayList<>();
    store.forEach(everything(), all::add);

    assertThat(all).hasSize(ROWS);
    // Row 0 has every optional figure empty; row 1's agents are 2 (account 1) and 2.
    assertThat(all.get(0).figures()).isEqualTo(figures("s0-0", 1, DAY, 0));
    assertThat(all.get(0).assignedAgentAccountId()).isEmpty();
    ConversationsRow second = all.get(1);
    assertThat(second.figures()).isEqualTo(figures("s37-1", 2, DAY, 1));
    assertThat(second.accountId()).hasValue(2);
    assertThat(second.assignedAgentAccountId()).hasValue(1);
    assertThat(second.lastAgentAccountName()).contains("Acme");
    assertThat(second.requestType()).contains(EntryPointType.INVITE);
    assertThat(second.requestSource()).contains("Button C");
    assertThat(second.handlingType()).contains(HandlingType.EXTERNAL);
    assertThat(second.transcriptUrl()).isEqualTo(BASE + "/transcripts/s37-1");
    assertThat(all).extracting(r -> r.accountId().orElse(0)).contains(0L, 1L, 2L);
  }

  @Test
  void aPageFromTheMarkBeforeItIsThePageAtItsOffset() {
    for (ReportCriteria criteria : selections()) {
      List<String> ordered = sessions(all(criteria));
      ConversationStore.Positions positions = store.positions(criteria, STEP);
      assertThat(positions.total()).as(criteria.toString()).isEqualTo(ordered.size()).isPositive();
      for (int offset = 0; offset < positions.total(); offset++) {
        List<String> fromMark =
            sessions(
                store.pageFrom(
                    criteria, positions.marks().get(offset / STEP), offset % STEP, 10));
        assertThat(fromMark)
            .as(criteria + " at " + offset)
            .isEqualTo(ordered.subList(offset, Math.min(ordered.size(), offset + 10)));
      }
    }
  }

  @Test
  void everyColumnSortsInTheDatabaseAsItsTypedCellsOrder() {
    for (ReportCriteria criteria : selections()) {
      List<ConversationsRow> inReportOrder = all(criteria);
      for (Column<ConversationsRow> column : ConversationsReport.COLUMNS) {
        assertThat(ConversationStore.sorts(column.name())).as(column.name()).isTrue();
        for (boolean ascending : new boolean[] {true, false}) {
          Comparator<Comparable<?>> cells = ascending ? SortValue.ORDER : SortValue.ORDER.reversed();
          List<ConversationsRow> expected = new ArrayList<>(inReportOrder);
          // A stable sort: equal cells keep the report's order.
          expected.sort(Comparator.comparing(r -> SortValue.of(column, r), cells));
          String what = column.name() + (ascending ? " ascending" : " descending") + " of " + criteria;

          SessionOrder kept = store.order(criteria, column.name(), ascending, ROWS);
          assertThat(kept.slice(0, kept.size())).as(what).isEqualTo(sessions(expected));
          assertThat(sessions(store.sortedPage(criteria, column.name(), ascending, 30, 20)))
              .as(what + ", a page")
              .isEqualTo(sessions(expected).subList(30, Math.min(expected.size(), 50)));
        }
      }
    }
    assertThat(store.order(everything(), "num_messages", true, ROWS - 1))
        .as("more rows than may be kept")
        .isNull();
  }

  @Test
  void rowsComeInTheOrderOfTheirSessionIds() {
    List<String> ids = sessions(all(everything())).subList(40, 65);
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);

    assertThat(sessions(store.rows(reversed))).isEqualTo(reversed);
    assertThat(sessions(store.rows(List.of("no-such-session", ids.get(0)))))
        .containsExactly(ids.get(0));
  }

  private static List<ReportCriteria> selections() {
    return List.of(
        everything(),
        ReportCriteria.all(SPRING, SPRING.plus(Duration.ofDays(2)), ZoneOffset.UTC),
        ReportCriteria.all(DAY.plusSeconds(10), DAY.plusSeconds(60), ZoneOffset.UTC),
        new ReportCriteria(
            DAY, DAY.plusSeconds(ROWS), ZoneOffset.UTC, Set.of(2L, 3L), Set.of(), AccountScope.ALL),
        new ReportCriteria(
            DAY,
            DAY.plusSeconds(ROWS),
            ZoneOffset.UTC,
            Set.of(),
            Set.of(),
            AccountScope.only(Set.of(1L))));
  }

  private static ReportCriteria everything() {
    return ReportCriteria.all(DAY, DAY.plusSeconds(ROWS), ZoneOffset.UTC);
  }

  private static List<ConversationsRow> all(ReportCriteria criteria) {
    List<ConversationsRow> rows = new ArrayList<>();
    Consumer<ConversationsRow> add = rows::add;
    store.forEach(criteria, add);
    return rows;
  }

  private static List<String> sessions(List<ConversationsRow> rows) {
    return rows.stream().map(r -> r.figures().sessionId()).toList();
  }

  private static OptionalLong optional(int n, int every, long value) {
    return n % every == 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static SessionFigures figures(String session, long campaign, Instant start, int n) {
    // Code point order is both MariaDB's utf8mb4_bin and Java's here (no trailing spaces, which
    // the collation pads, and no letters beyond the BMP, which UTF-16 orders differently).
    String[] texts = {"good", "Zoë", "zoe", "Émile", "badly", "谢谢", "moderate", "bad"};
    Optional<String> text = n % 4 == 0 ? Optional.empty() : Optional.of(texts[n % texts.length]);
    Optional<BigDecimal> decimal =
        n % 13 == 0 ? Optional.empty() : Optional.of(new BigDecimal((n % 17) + "." + (n % 4 == 0 ? "50" : "25")));
    return new SessionFigures(
        session,
        campaign,
        start,
        campaign,
        optional(n, 5, n % 6 + 1),
        optional(n, 7, n % 6 + 1),
        List.of((long) n % 6 + 1),
        "v" + n % 50,
        optional(n, 9, n % 12),
        n % 30,
        optional(n, 11, (n % 3600) * 1000L + n % 1000),
        (n % 3000) * 1000L,
        optional(n, 11, (n % 120) * 1000L),
        new BigDecimal((n % 90) + "." + String.format("%02d", n % 100)),
        n % 400,
        optional(n, 6, (n % 60) * 1000L),
        optional(n, 8, (n % 70) * 1000L),
        decimal,
        optional(n, 8, (n % 200) * 1000L + 499),
        optional(n, 3, (n % 15) * 1000L),
        Optional.of("https://shop.example/p/" + n % 40),
        text,
        n % 3 == 0 ? Optional.empty() : Optional.of(SurveyResult.values()[n % 3]),
        text.map(t -> t + " " + n % 7),
        "Visitor v" + n % 50,
        n % 10 == 0,
        n % 10 == 0 ? Optional.of("spam " + n % 3) : Optional.empty(),
        n % 6 == 0 ? Optional.of("newsletter,checkout") : Optional.empty(),
        n % 6 == 0 ? decimal : Optional.empty());
  }

  /**
   * Connections in an ingesting batch, as the container's are while the stores are written: the
   * stores' triggers keep the change feed's entries and refuse a write outside one (decision 31).
   */
  private static DataSource inABatch(MariaDbDataSource plain) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = plain.getConnection();
        try (Statement s = connection.createStatement()) {
          s.execute("SET @exports_feed_batch = 1");
        }
        return connection;
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLException("the test's account only");
      }

      @Override
      public java.io.PrintWriter getLogWriter() throws SQLException {
        return plain.getLogWriter();
      }

      @Override
      public void setLogWriter(java.io.PrintWriter out) throws SQLException {
        plain.setLogWriter(out);
      }

      @Override
      public void setLoginTimeout(int seconds) throws SQLException {
        plain.setLoginTimeout(seconds);
      }

      @Override
      public int getLoginTimeout() throws SQLException {
        return plain.getLoginTimeout();
      }

      @Override
      public java.util.logging.Logger getParentLogger() {
        return java.util.logging.Logger.getLogger(ConversationStoreIT.class.getName());
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        return plain.unwrap(type);
      }

      @Override
      public boolean isWrapperFor(Class<?> type) throws SQLException {
        return plain.isWrapperFor(type);
      }
    };
  }
}
