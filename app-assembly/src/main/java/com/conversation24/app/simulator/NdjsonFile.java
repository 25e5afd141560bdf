package com.conversation24.app.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** NDJSON to a file (or any stream): UTF-8, one event per line, {@code \n} after each. */
final class NdjsonFile implements NdjsonOutput {

  private final Writer writer;

  private NdjsonFile(OutputStream out) {
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  static NdjsonFile create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new NdjsonFile(Files.newOutputStream(file));
  }

  static NdjsonFile of(OutputStream out) {
    return new NdjsonFile(out);
  }

  @Override
  public void write(String line) throws IOException {
    writer.write(line);
    writer.write('\n');
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
