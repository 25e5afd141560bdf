package com.conversation24.app.platform;

import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The MariaDB datasource with its user and password read from MicroProfile Config. Payara's
 * {@code ${MPCONFIG=...}} placeholders cannot express an empty value (a MariaDB without a root
 * password, as on a developer machine): an empty key counts as missing and the placeholder text
 * would be sent as the password.
 */
public class ConfiguredMariaDbDataSource extends MariaDbDataSource {

  public ConfiguredMariaDbDataSource() throws SQLException {
    var config = ConfigProvider.getConfig(ConfiguredMariaDbDataSource.class.getClassLoader());
    setUser(config.getOptionalValue("EXPORTS_DB_USER", String.class).orElse("root"));
    setPassword(config.getOptionalValue("EXPORTS_DB_PASSWORD", String.class).orElse(""));
  }
}
