package com.conversation24.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.junit.jupiter.api.Test;

class ConfiguredMariaDbDataSourceTest {

  @Test
  void batchOptionsAreAddedToAUrlWithoutThem() {
    assertThat(ConfiguredMariaDbDataSource.withBatchOptions("jdbc:mariadb://db:3306/exports"))
        .isEqualTo("jdbc:mariadb://db:3306/exports?useServerPrepStmts=true&useBulkStmts=true");
    assertThat(
            ConfiguredMariaDbDataSource.withBatchOptions(
                "jdbc:mariadb://db:3306/exports?connectTimeout=3000"))
        .isEqualTo(
            "jdbc:mariadb://db:3306/exports?connectTimeout=3000"
                + "&useServerPrepStmts=true&useBulkStmts=true");
  }

  @Test
  void optionsTheUrlSetsAreKept() {
    assertThat(
            ConfiguredMariaDbDataSource.withBatchOptions(
                "jdbc:mariadb://db/exports?useBulkStmts=false&useServerPrepStmts=false"))
        .isEqualTo("jdbc:mariadb://db/exports?useBulkStmts=false&useServerPrepStmts=false");
  }

  @Test
  void payaraPoolsItWithLocalTransactionsWhichGaleraTakes() {
    // Payara chooses the pool's kind from the class: an XADataSource gets XA transactions, and
    // Galera answers XA START with "not supported".
    assertThat(DataSource.class).isAssignableFrom(ConfiguredMariaDbDataSource.class);
    assertThat(XADataSource.class.isAssignableFrom(ConfiguredMariaDbDataSource.class)).isFalse();
    assertThat(ConnectionPoolDataSource.class.isAssignableFrom(ConfiguredMariaDbDataSource.class))
        .isFalse();
  }
}
