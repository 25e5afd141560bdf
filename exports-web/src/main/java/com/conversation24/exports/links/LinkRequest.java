package com.conversation24.exports.links;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A public link to create, as the API or the console asks for it.
 *
 * @param report the report's URL name
 * @param criteria the export parameters the link fixes ({@code range} or {@code from}/{@code to},
 *     {@code tz}, {@code chatcampaign_id}, {@code agent_id}, {@code columns}, {@code delimiter},
 *     {@code decimal}, {@code bom}), each with its values; never {@code account_id}: a link covers
 *     its creator's account. They are stored as given (the link's criteria JSON), so a link's
 *     {@code columns} need no column of their own
 */
public record LinkRequest(
    String report,
    Map<String, List<String>> criteria,
    Optional<String> label,
    Optional<Instant> expiresAt) {

  public LinkRequest {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
