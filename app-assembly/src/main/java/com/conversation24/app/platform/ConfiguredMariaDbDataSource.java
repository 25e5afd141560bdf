package com.conversation24.app.platform;

import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The MariaDB datasource with its user and password read from MicroProfile Config. Payara's
 * {@code ${MPCONFIG=...}} placeholders cannot express an empty value (a MariaDB without a root
 * password, as on a developer machine): an empty key counts as missing and the placeholder text
 * would be sent as the password.
 *
 * <p>Batches take the binary bulk protocol (server-side prepared statements and {@code
 * COM_STMT_BULK_EXECUTE}) unless the URL sets these options itself: ingestion inserts every batch
 * with JDBC batches, and with the driver's default text pipeline the server parses one INSERT per
 * row (docs/benchmarks.md: about 1.5 times the throughput).
 */
public class ConfiguredMariaDbDataSource extends MariaDbDataSource {

  private static final List<String> BATCH_OPTIONS =
      List.of("useServerPrepStmts=true", "useBulkStmts=true");

  public ConfiguredMariaDbDataSource() throws SQLException {
    var config = ConfigProvider.getConfig(ConfiguredMariaDbDataSource.class.getClassLoader());
    setUser(config.getOptionalValue("EXPORTS_DB_USER", String.class).orElse("root"));
    setPassword(config.getOptionalValue("EXPORTS_DB_PASSWORD", String.class).orElse(""));
  }

  @Override
  public void setUrl(String url) throws SQLException {
    super.setUrl(withBatchOptions(url));
  }

  /** The URL with each batch option that it does not set itself. */
  static String withBatchOptions(String url) {
    StringBuilder result = new StringBuilder(url);
    for (String option : BATCH_OPTIONS) {
      String name = option.substring(0, option.indexOf('=') + 1);
      if (!url.contains("?" + name) && !url.contains("&" + name)) {
        result.append(result.indexOf("?") < 0 ? '?' : '&').append(option);
      }
    }
    return result.toString();
  }
}
