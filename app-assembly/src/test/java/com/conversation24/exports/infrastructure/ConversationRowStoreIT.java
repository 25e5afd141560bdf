package com.conversation24.exports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.TestDatabase;
import com.conversation24.exports.infrastructure.ConversationRowStore.Position;
import com.conversation24.exports.infrastructure.ConversationRowStore.Positions;
import com.conversation24.exports.infrastructure.ConversationRowStore.Selection;
import com.conversation24.exports.infrastructure.ConversationRowStore.SessionOrder;
import com.conversation24.exports.infrastructure.ConversationRowStore.SortKey;
import com.conversation24.exports.reports.conversations.ConversationRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The preview's paging against a real MariaDB with the exports migrations: a page started from a
 * marked position is the page the database's plain {@code LIMIT ... OFFSET} gives, at every
 * offset, for the whole range, a narrower one and a campaign filter; every sort key orders. The
 * rows share starts and campaigns, so the report order's later keys matter.
 */
@ExtendWith(TestDatabase.class)
class ConversationRowStoreIT {

  private static final String DATABASE = "exports_row_store_it";
  private static final int ROWS = 230;
  private static final int STEP = 7;
  private static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");

  private static ConversationRowStore store;

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
    store = new ConversationRowStore();
    store.dataSource = dataSource;
    List<ConversationRow> rows = new ArrayList<>();
    for (int n = 0; n < ROWS; n++) {
      // Three conversations a second, over four campaigns; session ids out of the numbers' order.
      rows.add(row("s" + (n * 37 % 101) + "-" + n, n % 4 + 1, DAY.plusSeconds(n / 3), n));
    }
    store.replace(rows);
  }

  @Test
  void positionsCountTheRowsAndMarkEveryStepthInTheReportsOrder() {
    Selection all = everything();
    List<ConversationRow> ordered = store.rows(databaseOrder(all, "", 0, ROWS));

    Positions positions = store.positions(all, STEP);

    assertThat(positions.total()).isEqualTo(ROWS);
    assertThat(positions.marks()).hasSize((ROWS + STEP - 1) / STEP);
    for (int i = 0; i < positions.marks().size(); i++) {
      ConversationRow row = ordered.get(i * STEP);
      assertThat(positions.marks().get(i))
          .isEqualTo(new Position(row.startedAt().toEpochMilli(), row.campaignId(), row.sessionId()));
    }
  }

  @Test
  void aPageFromTheMarkBeforeItIsThePageAtItsOffset() {
    List<Selection> selections =
        List.of(
            everything(),
            new Selection(DAY.plusSeconds(10), DAY.plusSeconds(60), Optional.empty()),
            new Selection(DAY, DAY.plusSeconds(ROWS), Optional.of(Set.of(2L, 3L))));
    for (Selection selection : selections) {
      Positions positions = store.positions(selection, STEP);
      assertThat(positions.total()).isPositive();
      for (int offset = 0; offset < positions.total(); offset++) {
        List<String> fromMark =
            sessions(
                store.pageFrom(
                    selection, positions.marks().get(offset / STEP), offset % STEP, 10));
        List<String> atOffset = databaseOrder(selection, "", offset, 10);
        assertThat(fromMark).as(selection + " at " + offset).isEqualTo(atOffset).isNotEmpty();
      }
    }
  }

  @Test
  void nothingSelectedHasNoPositions() {
    Positions none =
        store.positions(new Selection(DAY, DAY.plusSeconds(ROWS), Optional.of(Set.of())), STEP);

    assertThat(none.total()).isZero();
    assertThat(none.marks()).isEmpty();
  }

  @Test
  void everySortKeysOrderInMemoryIsTheDatabasesOrder() {
    List<Selection> selections =
        List.of(everything(), new Selection(DAY, DAY.plusSeconds(ROWS), Optional.of(Set.of(1L, 4L))));
    for (Selection selection : selections) {
      for (SortKey key : SortKey.values()) {
        for (boolean ascending : new boolean[] {true, false}) {
          SessionOrder order = store.order(selection, key, ascending);
          List<String> database = databaseOrder(selection, key.orderBy(ascending), 0, ROWS);
          assertThat(order.slice(0, order.size()))
              .as(key + (ascending ? " ascending" : " descending") + " of " + selection)
              .isEqualTo(database);
        }
      }
    }
    Comparator<Long> campaigns = Comparator.naturalOrder();
    SessionOrder byCampaign = store.order(everything(), SortKey.CHATCAMPAIGN_ID, false);
    assertThat(store.rows(byCampaign.slice(0, ROWS)).stream().map(ConversationRow::campaignId).toList())
        .isSortedAccordingTo(campaigns.reversed());
    assertThat(store.order(everything(), SortKey.SESSION_ID, true).slice(0, ROWS)).isSorted();
  }

  @Test
  void rowsComeInTheOrderOfTheirSessionIds() {
    List<String> ids = databaseOrder(everything(), "", 40, 25);
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);

    assertThat(sessions(store.rows(reversed))).isEqualTo(reversed);
    assertThat(sessions(store.rows(List.of("no-such-session", ids.get(0))))).containsExactly(ids.get(0));
  }

  /** The selection's session ids as the database orders them: these terms, then the report's. */
  private static List<String> databaseOrder(Selection selection, String orderBy, int offset, int limit) {
    List<Long> campaigns = selection.campaignIds().map(List::copyOf).orElse(List.of());
    String sql =
        "SELECT session_id FROM exports_conversation WHERE started_at_ms >= ? AND started_at_ms < ?"
            + (campaigns.isEmpty()
                ? ""
                : " AND campaign_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(campaigns.size(), "?"))
                    + ")")
            + " ORDER BY "
            + orderBy
            + "started_at_ms, campaign_id, session_id LIMIT ? OFFSET ?";
    List<String> ids = new ArrayList<>();
    try (Connection c = store.dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      int i = 1;
      statement.setLong(i++, selection.from().toEpochMilli());
      statement.setLong(i++, selection.to().toEpochMilli());
      for (long campaign : campaigns) {
        statement.setLong(i++, campaign);
      }
      statement.setInt(i++, limit);
      statement.setInt(i, offset);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private static Selection everything() {
    return new Selection(DAY, DAY.plusSeconds(ROWS), Optional.empty());
  }

  private static List<String> sessions(List<ConversationRow> rows) {
    return rows.stream().map(ConversationRow::sessionId).toList();
  }

  private static ConversationRow row(String session, long campaign, Instant start, int n) {
    String number = n % 11 == 0 ? "" : Integer.toString(n % 30);
    String decimal = n % 13 == 0 ? "" : (n % 17) + "." + (n % 4 == 0 ? "5" : "25");
    String[] texts = {"", "good", "Zoë", "zoe", "Émile", "bad ", "谢谢", "moderate", "bad"};
    return new ConversationRow(
        session,
        campaign,
        start,
        campaign,
        n % 5 == 0 ? Optional.empty() : Optional.of((long) n % 6 + 1),
        n % 7 == 0 ? Optional.empty() : Optional.of((long) n % 9 + 1),
        List.of((long) n % 6 + 1),
        "v" + n % 50,
        n % 9 == 0 ? "" : Integer.toString(n % 12),
        number,
        decimal,
        number,
        decimal,
        number,
        decimal,
        number,
        decimal,
        number,
        Integer.toString(n % 1000),
        number,
        "https://shop.example/p/" + n % 40,
        texts[n % 3],
        texts[n % 4],
        texts[n % texts.length],
        texts[(n + 3) % texts.length],
        n % 10 == 0 ? "yes" : "no",
        texts[n % 5],
        n % 6 == 0 ? "newsletter,checkout" : "",
        n % 3 == 0 ? "" : decimal);
  }
}
