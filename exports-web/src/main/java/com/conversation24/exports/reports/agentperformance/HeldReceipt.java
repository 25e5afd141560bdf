package com.conversation24.exports.reports.agentperformance;

import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.timelines.Receipt;
import java.util.Optional;

/**
 * A receipt of the agent with what Agent performance also asks of its conversation: whether it is
 * the conversation's last receipt, and the conversation's latest survey result.
 */
public record HeldReceipt(Receipt receipt, boolean lastOfConversation, Optional<SurveyResult> survey) {}
