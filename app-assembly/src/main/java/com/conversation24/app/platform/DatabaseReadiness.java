package com.conversation24.app.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers. The probe runs on its own thread with a deadline, so that an
 * unreachable database makes readiness DOWN quickly instead of hanging the health endpoint; the
 * validated pool makes it UP again when the database is back, without a restart.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final long DEADLINE_SECONDS = 3;

  private final ExecutorService probes =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "database-readiness");
            t.setDaemon(true);
            return t;
          });

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    Future<Boolean> probe = probes.submit(this::databaseAnswers);
    try {
      boolean up = probe.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      return HealthCheckResponse.named("database").status(up).build();
    } catch (Exception e) {
      probe.cancel(true);
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", String.valueOf(e.getCause() == null ? e : e.getCause()))
          .build();
    }
  }

  private boolean databaseAnswers() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) DEADLINE_SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    probes.shutdownNow();
  }
}
