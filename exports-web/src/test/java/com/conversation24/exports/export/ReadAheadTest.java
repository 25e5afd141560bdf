package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void everyRowArrivesOnceInOrder() {
    int rows = 10 * ReadAhead.SLICE + 17; // whole slices and a partial one
    List<Integer> written = new ArrayList<>();
    ReadAhead.<Integer>stream(
        executor,
        each -> {
          for (int i = 0; i < rows; i++) {
            each.accept(i);
          }
        },
        written::add);
    assertThat(written).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      assertThat(written.get(i)).isEqualTo(i);
    }
  }

  @Test
  void anEmptySourceEnds() {
    List<Integer> written = new ArrayList<>();
    ReadAhead.<Integer>stream(executor, each -> {}, written::add);
    assertThat(written).isEmpty();
  }

  @Test
  void theReadersFailureBreaksTheWriterAfterTheRowsBeforeIt() {
    List<Integer> written = new ArrayList<>();
    assertThatThrownBy(
            () ->
                ReadAhead.<Integer>stream(
                    executor,
                    each -> {
                      for (int i = 0; i < ReadAhead.SLICE; i++) {
                        each.accept(i);
                      }
                      throw new IllegalStateException("connection lost");
                    },
                    written::add))
        .hasMessage("connection lost");
    assertThat(written).hasSize(ReadAhead.SLICE); // never a clean end after a failure
  }

  @Test
  void theReaderHoldsABoundedNumberOfRowsAheadOfASlowWriter() throws InterruptedException {
    AtomicInteger read = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () ->
                ReadAhead.<Integer>stream(
                    executor,
                    each -> {
                      for (int i = 0; i < 1_000_000; i++) {
                        read.incrementAndGet();
                        each.accept(i);
                      }
                    },
                    row -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    writer.start();
    Thread.sleep(500); // the reader runs ahead until the queue is full
    assertThat(read.get()).isLessThanOrEqualTo((ReadAhead.SLICES + 2) * ReadAhead.SLICE);
    release.countDown();
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(read.get()).isEqualTo(1_000_000);
  }

  @Test
  void theWritersFailureStopsTheReader() throws InterruptedException {
    AtomicInteger read = new AtomicInteger();
    CountDownLatch readerEnded = new CountDownLatch(1);
    assertThatThrownBy(
            () ->
                ReadAhead.<Integer>stream(
                    executor,
                    each -> {
                      try {
                        for (int i = 0; i < 10_000_000; i++) {
                          read.incrementAndGet();
                          each.accept(i);
                        }
                      } finally {
                        readerEnded.countDown();
                      }
                    },
                    row -> {
                      throw new IllegalStateException("client went away");
                    }))
        .hasMessage("client went away");
    assertThat(readerEnded.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(read.get()).isLessThan(10_000_000);
  }
}
