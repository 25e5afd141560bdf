package com.conversation24.campaigns.ingest.application;

/** What became of one line (or array element) of a request body: decoded or rejected. */
public sealed interface IngestLine permits DecodedLine, RejectedLine {

  /** 1-based; blank NDJSON lines count, array element i is line i+1. */
  int line();
}
