package com.conversation24.app.simulator;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr for long runs, redrawn at most four times a second. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean enabled;
  private final long startedNanos = System.nanoTime();
  private long lastDrawn;

  private ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ProgressBar onStderr() {
    return new ProgressBar(System.err, true);
  }

  static ProgressBar none() {
    return new ProgressBar(System.err, false);
  }

  void show(double fraction, long lines) {
    long now = System.nanoTime();
    if (!enabled || now - lastDrawn < 250_000_000L) {
      return;
    }
    lastDrawn = now;
    draw(Math.min(1, Math.max(0, fraction)), lines, now);
  }

  void done(long lines) {
    if (enabled) {
      draw(1, lines, System.nanoTime());
      err.println();
    }
  }

  /** Seconds since the bar was made. */
  double elapsedSeconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private void draw(double fraction, long lines, long now) {
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3d%%  %,d events  %,.0f events/s ",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            Math.round(fraction * 100),
            lines,
            lines / seconds));
    err.flush();
  }
}
