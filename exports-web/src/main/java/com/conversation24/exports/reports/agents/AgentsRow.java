package com.conversation24.exports.reports.agents;

import java.util.Optional;

/**
 * One row of the Agents report: an agent profile as of now (the latest {@code agent.updated},
 * field by field), with the login's account postfix removed, and whether it was deleted.
 */
public record AgentsRow(
    long id,
    String username,
    Optional<String> firstname,
    Optional<String> lastname,
    Optional<String> email,
    long accountId,
    boolean disabled) {

  /** The row of a login as sent: {@code jane@acme} prints {@code jane}. */
  public static AgentsRow of(
      long id,
      String login,
      Optional<String> firstname,
      Optional<String> lastname,
      Optional<String> email,
      long accountId,
      boolean disabled) {
    return new AgentsRow(
        id, AgentsReport.withoutAccountPostfix(login), firstname, lastname, email, accountId, disabled);
  }
}
