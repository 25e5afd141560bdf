package com.conversation24.exports.reports.agentperformance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of Agent performance: one campaign's figures over one closed work shift W = [start, end)
 * of one agent. Durations are kept in milliseconds and rounded once, when printed; closed, offline
 * and session durations are differences taken in milliseconds first (REPORTS.md "Common rules").
 *
 * @param loginEventId the login that opened the shift: the last tie-breaker of the report's order
 */
public record AgentPerformanceRow(
    long campaignId,
    long agentId,
    String workshiftId,
    String loginEventId,
    OptionalLong accountId,
    Optional<String> campaignName,
    Instant start,
    Instant end,
    long numChats,
    long numBreaks,
    long numIgnored,
    long numAbandoned,
    BigDecimal avgConcurrency,
    long firstResponseMillis,
    long openMillis,
    long onlineMillis,
    long availableMillis,
    long idleMillis,
    long surveyGood,
    long surveyBad,
    long surveyModerate) {

  /** Shift start, then the ids left to right, then the login (REPORTS.md "Order"). */
  public static final Comparator<AgentPerformanceRow> ORDER =
      Comparator.comparing(AgentPerformanceRow::start)
          .thenComparingLong(AgentPerformanceRow::campaignId)
          .thenComparingLong(AgentPerformanceRow::agentId)
          .thenComparing(AgentPerformanceRow::workshiftId)
          .thenComparing(AgentPerformanceRow::loginEventId);

  public long sessionMillis() {
    return end.toEpochMilli() - start.toEpochMilli();
  }

  public long closedMillis() {
    return sessionMillis() - openMillis;
  }

  public long offlineMillis() {
    return sessionMillis() - onlineMillis;
  }

  /** The same figures, owned and named as the directory says now. */
  public AgentPerformanceRow withCampaign(OptionalLong account, Optional<String> name) {
    return new AgentPerformanceRow(
        campaignId, agentId, workshiftId, loginEventId, account, name, start, end, numChats,
        numBreaks, numIgnored, numAbandoned, avgConcurrency, firstResponseMillis, openMillis,
        onlineMillis, availableMillis, idleMillis, surveyGood, surveyBad, surveyModerate);
  }
}
