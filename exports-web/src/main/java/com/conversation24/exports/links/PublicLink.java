package com.conversation24.exports.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public link as stored: one account's report with fixed criteria, reachable without credentials
 * by whoever holds its token. The token itself is not here (only its hash is stored, and the
 * repository looks links up by it); a rotation replaces the hash and keeps everything else.
 *
 * @param report the report's URL name ({@code conversations}, ...)
 * @param createdBy the caller name of the admin (or admin token) that created it
 * @param useCount how many times it served its report
 */
public record PublicLink(
    long id,
    long accountId,
    String report,
    LinkCriteria criteria,
    Optional<String> label,
    String createdBy,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> rotatedAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt,
    long useCount) {

  public PublicLink {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(rotatedAt, "rotatedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  /** Revocation wins over expiry: a revoked link stays revoked whatever its date. */
  public LinkState stateAt(Instant now) {
    if (revokedAt.isPresent()) {
      return LinkState.REVOKED;
    }
    if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
      return LinkState.EXPIRED;
    }
    return LinkState.ACTIVE;
  }
}
