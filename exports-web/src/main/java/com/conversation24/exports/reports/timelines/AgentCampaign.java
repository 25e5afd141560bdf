package com.conversation24.exports.reports.timelines;

/** An agent in one campaign: the pair a presence belongs to. */
public record AgentCampaign(long agentId, long campaignId) {}
