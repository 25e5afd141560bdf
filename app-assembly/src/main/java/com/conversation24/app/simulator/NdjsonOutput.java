package com.conversation24.app.simulator;

import java.io.IOException;

/** Where the NDJSON lines of a simulation go: a file, a running server, a test's list. */
public interface NdjsonOutput extends AutoCloseable {

  /** One event as one JSON line, without its line end. */
  void write(String line) throws IOException;

  /** Everything written is delivered (the last batch posted, the file flushed). */
  @Override
  default void close() throws IOException {}
}
