package com.conversation24.exports.reports.agentperformance;

import java.time.Instant;

/** A closed work shift W = [start, end) of an agent, as Agent performance reports it. */
public record ClosedShift(
    long agentId, String workshiftId, String loginEventId, Instant start, Instant end) {}
