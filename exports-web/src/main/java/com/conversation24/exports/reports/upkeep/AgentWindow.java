package com.conversation24.exports.reports.upkeep;

/**
 * A span of one agent's time whose inputs a batch changed (presence, shifts, receipts, capacity):
 * the closed work shifts overlapping it have their Agent performance rows computed again. {@code
 * toMs} is {@link Long#MAX_VALUE} when the change reaches to the end of the agent's history.
 */
record AgentWindow(long agentId, long fromMs, long toMs) {

  static AgentWindow from(long agentId, long fromMs) {
    return new AgentWindow(agentId, fromMs, Long.MAX_VALUE);
  }

  static AgentWindow whole(long agentId) {
    return new AgentWindow(agentId, Long.MIN_VALUE, Long.MAX_VALUE);
  }
}
