package com.conversation24.exports.reports.conversations;

import com.conversation24.campaigns.api.EntryPointType;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the Conversations report: the session's own figures, and what the directory says of
 * them now (the campaign's account, the first and last receipts' agents' accounts and names, the
 * entry point's type and name, the handling type), and the transcript's link.
 */
public record ConversationsRow(
    SessionFigures figures,
    OptionalLong accountId,
    OptionalLong assignedAgentAccountId,
    Optional<String> assignedAgentAccountName,
    OptionalLong lastAgentAccountId,
    Optional<String> lastAgentAccountName,
    Optional<EntryPointType> requestType,
    Optional<String> requestSource,
    Optional<HandlingType> handlingType,
    String transcriptUrl) {

  /** {@code <public base URL>/transcripts/<session_id>}, the base without a trailing slash. */
  public static String transcriptUrl(String publicBaseUrl, String sessionId) {
    return publicBaseUrl + "/transcripts/" + sessionId;
  }
}
