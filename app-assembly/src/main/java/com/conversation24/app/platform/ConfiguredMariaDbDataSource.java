package com.conversation24.app.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The MariaDB datasource with its user and password read from MicroProfile Config. Payara's
 * {@code ${MPCONFIG=...}} placeholders cannot express an empty value (a MariaDB without a root
 * password, as on a developer machine): an empty key counts as missing and the placeholder text
 * would be sent as the password.
 *
 * <p>A plain {@link DataSource} on purpose, wrapping the driver's: Payara pools a
 * {@code @DataSourceDefinition} class that is an {@code XADataSource} (as the driver's own is) with
 * XA transactions, which Galera refuses ("XA transactions with Galera replication" are not
 * supported); with only one database per transaction, local transactions lose nothing.
 *
 * <p>Batches take the binary bulk protocol (server-side prepared statements and {@code
 * COM_STMT_BULK_EXECUTE}) unless the URL sets these options itself: ingestion inserts every batch
 * with JDBC batches, and with the driver's default text pipeline the server parses one INSERT per
 * row (docs/benchmarks.md: about 1.5 times the throughput).
 */
public class ConfiguredMariaDbDataSource implements DataSource {

  private static final List<String> BATCH_OPTIONS =
      List.of("useServerPrepStmts=true", "useBulkStmts=true");

  private final MariaDbDataSource driver = new MariaDbDataSource();

  public ConfiguredMariaDbDataSource() throws SQLException {
    var config = ConfigProvider.getConfig(ConfiguredMariaDbDataSource.class.getClassLoader());
    driver.setUser(config.getOptionalValue("EXPORTS_DB_USER", String.class).orElse("root"));
    driver.setPassword(config.getOptionalValue("EXPORTS_DB_PASSWORD", String.class).orElse(""));
  }

  /** Payara sets the definition's URL through this property. */
  public void setUrl(String url) throws SQLException {
    driver.setUrl(withBatchOptions(url));
  }

  public String getUrl() {
    return driver.getUrl();
  }

  public void setUser(String user) throws SQLException {
    driver.setUser(user);
  }

  public String getUser() {
    return driver.getUser();
  }

  public void setPassword(String password) throws SQLException {
    driver.setPassword(password);
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

  @Override
  public Connection getConnection() throws SQLException {
    return driver.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return driver.getConnection(user, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("java.util.logging is not used by the driver");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(driver)) {
      return type.cast(driver);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(driver);
  }
}
