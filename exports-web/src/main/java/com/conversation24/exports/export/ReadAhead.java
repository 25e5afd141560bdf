package com.conversation24.exports.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a stream of rows on another thread while the calling thread writes them: decoding the
 * database's rows and printing the CSV then use a core each, instead of taking turns on one. The
 * rows travel in slices through a small bounded queue, so at most {@code (SLICES + 2) * SLICE}
 * rows are held however long the stream is, and the order is kept.
 *
 * <p>A failure of the reader reaches the caller as an exception (the export breaks); a failure of
 * the caller (the client went away) stops the reader at its next row.
 */
final class ReadAhead {

  static final int SLICE = 256;
  static final int SLICES = 8;

  /** What the reader hands over: a slice of rows, the end, or what went wrong. */
  private record Handover(List<?> rows, boolean end, RuntimeException failure) {}

  /** Thrown inside the reader to stop it once the caller has given up. */
  private static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("the export's writer stopped", null, false, false);
    }
  }

  private ReadAhead() {}

  /**
   * Runs {@code source} on the executor, feeding {@code each} on this thread with every row it
   * produces, in order; returns when the source has ended and every row was written.
   */
  @SuppressWarnings("unchecked")
  static <T> void stream(Executor executor, Consumer<Consumer<T>> source, Consumer<T> each) {
    BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(SLICES);
    Reader<T> reader = new Reader<>(queue);
    executor.execute(() -> reader.run(source));
    try {
      while (true) {
        Handover next = queue.take();
        if (next.failure() != null) {
          throw next.failure();
        }
        if (next.end()) {
          return;
        }
        for (Object row : next.rows()) {
          each.accept((T) row);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while exporting", e);
    } finally {
      reader.abandoned = true; // a no-op after the end; after a failure, stops the reader
    }
  }

  private static final class Reader<T> {
    private final BlockingQueue<Handover> queue;
    private volatile boolean abandoned;
    private List<T> slice = new ArrayList<>(SLICE);

    Reader(BlockingQueue<Handover> queue) {
      this.queue = queue;
    }

    void run(Consumer<Consumer<T>> source) {
      Handover last;
      try {
        source.accept(this::add);
        hand(new Handover(slice, false, null));
        last = new Handover(List.of(), true, null);
      } catch (Abandoned e) {
        return; // the writer is gone: nobody waits for the rest
      } catch (RuntimeException e) {
        last = new Handover(List.of(), false, e);
      } catch (Error e) { // the writer must not wait for ever on a reader that died
        last = new Handover(List.of(), false, new IllegalStateException("the export's reader failed", e));
      }
      try {
        hand(last);
      } catch (Abandoned e) {
        // the writer is gone already
      }
    }

    private void add(T row) {
      slice.add(row);
      if (slice.size() == SLICE) {
        hand(new Handover(slice, false, null));
        slice = new ArrayList<>(SLICE);
      }
    }

    /** Waits for room in the queue, giving up when the writer has. */
    private void hand(Handover handover) {
      try {
        while (!queue.offer(handover, 100, TimeUnit.MILLISECONDS)) {
          if (abandoned) {
            throw new Abandoned();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Abandoned();
      }
    }
  }
}
