package com.conversation24.exports.links;

/** Where a public link stands at an instant; only an active one serves its report. */
public enum LinkState {
  ACTIVE,
  EXPIRED,
  REVOKED
}
