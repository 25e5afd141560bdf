package com.conversation24.exports.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * An export job's file as it is written: cut into chunks of {@link #CHUNK_BYTES}, each stored as
 * soon as it is full, and digested (SHA-256) on the way. Chunks are stored and digested on a
 * second thread while the export fills the next one, so the export does not wait for the
 * database; at most {@link #BUFFERS} chunks are in memory, whatever the file's size.
 *
 * <p>A failure to store reaches the writer at its next write or at {@link #close}; {@link
 * #abandon} stops the storing thread after the export failed.
 */
final class JobFile extends OutputStream {

  /** 1 MiB: far below MariaDB's default 16 MiB packet, few rows per file. */
  static final int CHUNK_BYTES = 1 << 20;

  static final int BUFFERS = 3;

  /** Stores chunk {@code n} (from 0): the first {@code length} bytes of {@code data}. */
  @FunctionalInterface
  interface Chunks {
    void store(int n, byte[] data, int length);
  }

  private record Piece(int n, byte[] data, int length) {}

  private static final Piece END = new Piece(-1, null, 0);

  private final Chunks chunks;
  private final int chunkBytes;
  private final BlockingQueue<byte[]> free;
  private final BlockingQueue<Piece> full;
  private final CountDownLatch stored = new CountDownLatch(1);
  private final MessageDigest digest = newDigest();
  private volatile RuntimeException failure;
  private byte[] buffer;
  private int used;
  private int next;
  private long size;
  private boolean closed;

  JobFile(Chunks chunks, Executor executor) {
    this(chunks, executor, CHUNK_BYTES);
  }

  JobFile(Chunks chunks, Executor executor, int chunkBytes) {
    this.chunks = chunks;
    this.chunkBytes = chunkBytes;
    this.free = new ArrayBlockingQueue<>(BUFFERS);
    this.full = new ArrayBlockingQueue<>(BUFFERS + 1);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[chunkBytes]);
    }
    executor.execute(this::storeAll);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the job's file is closed");
    }
    while (length > 0) {
      if (buffer == null) {
        buffer = take();
        used = 0;
      }
      int n = Math.min(length, chunkBytes - used);
      System.arraycopy(bytes, offset, buffer, used, n);
      used += n;
      offset += n;
      length -= n;
      size += n;
      if (used == chunkBytes) {
        hand(new Piece(next++, buffer, used));
        buffer = null;
      }
    }
  }

  /** Stores the last chunk and waits until every chunk is stored. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (buffer != null && used > 0) {
      hand(new Piece(next++, buffer, used));
      buffer = null;
    }
    hand(END);
    try {
      stored.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the job's file was stored", e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops storing: what was not stored yet is dropped. */
  void abandon() {
    closed = true;
    full.clear();
    full.offer(END);
  }

  /** Bytes written. */
  long size() {
    return size;
  }

  /** The SHA-256 of every byte, as lower-case hex; once {@link #close} returned. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private byte[] take() throws IOException {
    try {
      while (true) {
        failed();
        byte[] b = free.poll(100, TimeUnit.MILLISECONDS);
        if (b != null) {
          return b;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the job's file", e);
    }
  }

  private void hand(Piece piece) throws IOException {
    try {
      while (!full.offer(piece, 100, TimeUnit.MILLISECONDS)) {
        failed();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the job's file", e);
    }
  }

  private void failed() {
    if (failure != null) {
      throw failure;
    }
  }

  /** The storing thread: digests and stores the chunks in order, until the end. */
  private void storeAll() {
    try {
      while (true) {
        Piece piece = full.take();
        if (piece == END) {
          return;
        }
        digest.update(piece.data(), 0, piece.length());
        chunks.store(piece.n(), piece.data(), piece.length());
        free.put(piece.data());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new IllegalStateException("interrupted while storing the job's file", e);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      stored.countDown();
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
