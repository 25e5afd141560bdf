package com.conversation24.exports.links;

/**
 * What became of one request for a public link. The caller sees only 200, 404 or 429; the log
 * keeps why, so an admin can tell a revoked link still being polled from a guessing client.
 */
public enum AccessOutcome {
  SERVED,
  UNKNOWN,
  REVOKED,
  EXPIRED,
  RATE_LIMITED,
  FAILED
}
