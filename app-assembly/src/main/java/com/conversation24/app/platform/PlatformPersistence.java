package com.conversation24.app.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * Makes the application's persistence unit and datasource injectable ({@code @Inject
 * EntityManager}, {@code @Inject DataSource}) in every module. Payara does not resolve {@code @PersistenceContext} on beans inside WEB-INF/lib jars, so
 * the assembly (the composition root) owns the unit and hands out its container-managed,
 * transaction-scoped (thread-safe) entity manager.
 */
@ApplicationScoped
public class PlatformPersistence {

  @PersistenceContext(unitName = "exports")
  EntityManager entityManager;

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  DataSource dataSource;

  @Produces
  EntityManager entityManager() {
    return entityManager;
  }

  /** For bulk JDBC (ingestion batches, streaming exports); joins the current JTA transaction. */
  @Produces
  DataSource dataSource() {
    return dataSource;
  }
}
