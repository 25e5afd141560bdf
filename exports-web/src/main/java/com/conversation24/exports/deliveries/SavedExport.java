package com.conversation24.exports.deliveries;

import com.conversation24.exports.links.LinkCriteria;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved export of an account: a report with criteria kept as export parameters (a relative
 * range stays relative and is resolved at each period's instant), a file format, a schedule in the
 * criteria's zone and a destination.
 *
 * @param report the report's URL name
 * @param format {@code csv}, {@code json}, {@code ndjson} or {@code xlsx}
 * @param nextRunAt the next occurrence to deliver; moved on when a period is claimed
 * @param failures deliveries in a row that failed for good (reset by one that succeeds)
 */
public record SavedExport(
    long id,
    long accountId,
    String label,
    String report,
    LinkCriteria criteria,
    String format,
    DeliverySchedule schedule,
    Destination destination,
    boolean paused,
    Instant nextRunAt,
    int failures,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Deliveries in a row that failed for good, after which the saved export shows as failing. */
  public static final int FAILING_AFTER = 2;

  public SavedExport {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(nextRunAt, "nextRunAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean failing() {
    return failures >= FAILING_AFTER;
  }

  /** {@code paused}, {@code failing} or {@code active}. */
  public String state() {
    return paused ? "paused" : failing() ? "failing" : "active";
  }
}
