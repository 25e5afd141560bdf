package com.conversation24.campaigns.ingest.spi;

import jakarta.interceptor.Interceptor;

/**
 * The order in which the one recorder has the contexts record a batch (each context's {@link
 * RecordedEvents} names its place): the order their readers need each other's records in. The
 * directory (campaigns) comes first; agents' presence before conversations, whose receipts ask for
 * it; traffic, which counts under the directory's entry points, last. Each context publishes its
 * records of the batch as it stores them, so a reader of a context's records sees the earlier
 * contexts' already. An observer that must run before or after every context's recording
 * observes {@code RecordingOpened} or {@code RecordingSealed} (the kernel's api), not a priority.
 */
public final class RecordingOrder {

  public static final int CAMPAIGNS = Interceptor.Priority.APPLICATION + 100;
  public static final int AGENTS = Interceptor.Priority.APPLICATION + 200;
  public static final int CONVERSATIONS = Interceptor.Priority.APPLICATION + 300;
  public static final int TRAFFIC = Interceptor.Priority.APPLICATION + 400;

  private RecordingOrder() {}
}
