package com.conversation24.app.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource of the application, shared by every context's persistence unit. Configured
 * only by MicroProfile Config: EXPORTS_DB_URL here, EXPORTS_DB_USER and EXPORTS_DB_PASSWORD in
 * {@link ConfiguredMariaDbDataSource}; defaults in META-INF/microprofile-config.properties. Connections are validated so that the pool recovers
 * by itself when the database comes back.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = PlatformDataSource.JNDI_NAME,
    className = "com.conversation24.app.platform.ConfiguredMariaDbDataSource",
    url = "${MPCONFIG=EXPORTS_DB_URL}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000"
    })
public class PlatformDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/exports";
}
