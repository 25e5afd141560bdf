package com.conversation24.app.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.Executor;

/**
 * Makes an {@link Executor} injectable in every module: each task on a new thread of the
 * container's managed thread factory. Exports read ahead on it, one thread per running export for
 * as long as it streams; a pool would make an export wait for another to end before its first
 * byte. Looked up here, in the composition root, because Payara does not resolve
 * {@code @Resource} on beans inside WEB-INF/lib jars.
 */
@ApplicationScoped
public class PlatformConcurrency {

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Produces
  Executor executor() {
    return task -> threads.newThread(task).start();
  }
}
