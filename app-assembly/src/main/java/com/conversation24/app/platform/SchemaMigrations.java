package com.conversation24.app.platform;

import com.conversation24.campaigns.platform.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies each context's migrations at start-up, before anything else touches the database. Each
 * context owns a folder ({@code db/migration/<context>}) and its own history table, so contexts
 * version their tables independently; the same scripts run on every MariaDB. Then {@link
 * SchemaReady} lets the contexts prepare (the operator bootstrap). Both run under the {@link
 * StartupLock}, so members started together against one database take turns instead of migrating
 * or bootstrapping twice. A servlet listener, not a CDI start-up observer: only in the web module's
 * own start are its resources (datasource, persistence unit) reachable.
 */
@WebListener
public class SchemaMigrations implements ServletContextListener {

  static final List<String> CONTEXTS =
      List.of("campaigns", "agents", "conversations", "traffic", "exports");

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  DataSource dataSource;

  /** Keeps the start-up lock alive while this member holds it. */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService keepAlive;

  @Inject Event<SchemaReady> schemaReady;

  @Override
  public void contextInitialized(ServletContextEvent start) {
    new StartupLock(dataSource, keepAlive)
        .runAlone(
            () -> {
              migrate();
              schemaReady.fire(new SchemaReady());
            });
  }

  void migrate() {
    for (String context : CONTEXTS) {
      var result =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration/" + context)
              .table("flyway_history_" + context)
              // Contexts share one schema: each history table starts from an empty baseline.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
      LOG.info(
          () ->
              "schema of "
                  + context
                  + ": "
                  + result.migrationsExecuted
                  + " migration(s) applied, now at "
                  + result.targetSchemaVersion);
    }
  }
}
