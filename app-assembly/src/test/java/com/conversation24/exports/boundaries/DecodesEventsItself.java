package com.conversation24.exports.boundaries;

import com.conversation24.campaigns.ingest.spi.EventDecoder;

/** Breaks a boundary on purpose, for ArchitectureTest: exports-web holding the kernel's spi. */
public class DecodesEventsItself {

  public EventDecoder decoder;
}
