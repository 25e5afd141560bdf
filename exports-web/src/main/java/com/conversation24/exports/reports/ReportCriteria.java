package com.conversation24.exports.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What an export asks for, already resolved: the range {@code [from, to)} as instants, the time
 * zone that times and hour buckets are printed in, the campaign and agent filters (empty means
 * all) and the accounts whose rows the caller may see ({@link AccountScope}).
 */
public record ReportCriteria(
    Instant from,
    Instant to,
    ZoneId zone,
    Set<Long> campaignIds,
    Set<Long> agentIds,
    AccountScope scope) {

  public ReportCriteria {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(scope, "scope");
    campaignIds = Set.copyOf(campaignIds);
    agentIds = Set.copyOf(agentIds);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** The operator's unrestricted view of a range, no filters. */
  public static ReportCriteria all(Instant from, Instant to, ZoneId zone) {
    return new ReportCriteria(from, to, zone, Set.of(), Set.of(), AccountScope.ALL);
  }

  public boolean inRange(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  public boolean campaignSelected(long campaignId) {
    return campaignIds.isEmpty() || campaignIds.contains(campaignId);
  }

  public boolean agentSelected(long agentId) {
    return agentIds.isEmpty() || agentIds.contains(agentId);
  }
}
