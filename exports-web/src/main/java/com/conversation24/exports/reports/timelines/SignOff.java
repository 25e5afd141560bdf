package com.conversation24.exports.reports.timelines;

import java.time.Instant;

/**
 * An instant at which an agent goes offline in every campaign without an {@code
 * agent.state_changed}: every {@code agent.logged_out} (also one that ends no shift), and every
 * {@code agent.logged_in} that ends a shift still open. {@code eventId} is that event's id.
 */
public record SignOff(long agentId, Instant at, String eventId) {}
