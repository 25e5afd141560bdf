package com.conversation24.app.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import java.util.concurrent.Executor;

/**
 * Makes an {@link Executor} injectable in every module: each task on a new thread of the
 * container's managed thread factory. Exports read ahead on it, one thread per running export for
 * as long as it streams; a pool would make an export wait for another to end before its first
 * byte. Looked up here, in the composition root, because Payara does not resolve
 * {@code @Resource} on beans inside WEB-INF/lib jars. The container's default managed executors
 * are injectable too: export jobs run on the one and keep their leases on the other.
 */
@ApplicationScoped
public class PlatformConcurrency {

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService tasks;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService schedule;

  @Produces
  Executor executor() {
    return task -> threads.newThread(task).start();
  }

  // Typed: as an Executor, or the scheduled one as a plain managed executor, each would be ambiguous.
  @Produces
  @Typed(ManagedExecutorService.class)
  ManagedExecutorService tasks() {
    return tasks;
  }

  @Produces
  @Typed(ManagedScheduledExecutorService.class)
  ManagedScheduledExecutorService schedule() {
    return schedule;
  }
}
