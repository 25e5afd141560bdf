package com.conversation24.exports.reports.traffic;

import com.conversation24.exports.reports.timelines.HourBucket;

/** One row of Traffic: one entry point's counts in one clock hour, under its campaign. */
public record TrafficRow(
    long campaignId,
    HourBucket bucket,
    long entryPointId,
    String entryPointName,
    long visits,
    long views,
    long clicks,
    long chats) {}
