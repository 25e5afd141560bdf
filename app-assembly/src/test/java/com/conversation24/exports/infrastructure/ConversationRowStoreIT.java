package com.conversation24.exports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.TestDatabase;
import com.conversation24.exports.figures.ConversationRow;
import com.conversation24.exports.infrastructure.ConversationRowStore.Position;
import com.conversation24.exports.infrastructure.ConversationRowStore.Positions;
import com.conversation24.exports.infrastructure.ConversationRowStore.Selection;
import com.conversation24.exports.infrastructure.ConversationRowStore.SortKey;
import java.sql.Connection;
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
    List<ConversationRow> ordered = store.page(all, Optional.empty(), true, 0, ROWS);

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
        List<String> atOffset = sessions(store.page(selection, Optional.empty(), true, offset, 10));
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
  void everySortKeyOrdersBothWays() {
    for (SortKey key : SortKey.values()) {
      for (boolean ascending : new boolean[] {true, false}) {
        List<ConversationRow> page = store.page(everything(), Optional.of(key), ascending, 0, ROWS);
        assertThat(page).as(key + (ascending ? " ascending" : " descending")).hasSize(ROWS);
      }
    }
    Comparator<Long> campaigns = Comparator.naturalOrder();
    assertThat(
            store.page(everything(), Optional.of(SortKey.CHATCAMPAIGN_ID), false, 0, ROWS).stream()
                .map(ConversationRow::campaignId)
                .toList())
        .isSortedAccordingTo(campaigns.reversed());
    assertThat(sessions(store.page(everything(), Optional.of(SortKey.SESSION_ID), true, 0, ROWS)))
        .isSorted();
  }

  private static Selection everything() {
    return new Selection(DAY, DAY.plusSeconds(ROWS), Optional.empty());
  }

  private static List<String> sessions(List<ConversationRow> rows) {
    return rows.stream().map(ConversationRow::sessionId).toList();
  }

  private static ConversationRow row(String session, long campaign, Instant start, int n) {
    String number = Integer.toString(n % 30);
    return new ConversationRow(
        session,
        campaign,
        start,
        campaign,
        n % 5 == 0 ? Optional.empty() : Optional.of((long) n % 6 + 1),
        Optional.of((long) n % 6 + 1),
        List.of((long) n % 6 + 1),
        "v" + n,
        "1",
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        "https://shop.example/p/" + n,
        "",
        n % 2 == 0 ? "" : "good",
        "",
        "",
        "no",
        "",
        "",
        n % 3 == 0 ? "" : "12.50");
  }
}
