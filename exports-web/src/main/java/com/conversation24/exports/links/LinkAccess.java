package com.conversation24.exports.links;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One request for a public link, as the access log keeps it.
 *
 * @param linkId empty when the token matched no link
 * @param clientAddress the client's IP address (see the public servlet for proxies)
 */
public record LinkAccess(
    OptionalLong linkId, Instant at, AccessOutcome outcome, String clientAddress) {

  public LinkAccess {
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }
}
