package com.conversation24.exports.links;

import com.conversation24.exports.export.ExportCriteria;


/**
 * What a request for a public link gets. Deliberately coarse: an unknown, revoked, rotated-away or
 * expired token is one {@link NotFound}, so the answer tells a holder nothing about the link.
 */
public sealed interface PublicAnswer {

  /** The report may be written with these criteria. */
  record Served(PublicLink link, ExportCriteria export) implements PublicAnswer {}

  record NotFound() implements PublicAnswer {}

  /** Too many requests for this token or from this address; try again after the wait. */
  record Limited(long retryAfterSeconds) implements PublicAnswer {}
}
