package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.MovableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many exports run at once, and what ends one whose client stopped reading. */
class ExportAdmissionTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T10:00:00Z"));
  private ExportAdmission admission;

  @BeforeEach
  void start() {
    admission = new ExportAdmission();
    admission.clock = clock;
    admission.perAccount = 2;
    admission.total = 3;
    admission.stallSeconds = 60;
    admission.maxSeconds = 3600;
    admission.start();
  }

  @AfterEach
  void stop() {
    admission.stop();
  }

  private static ExportCriteria of(AccountScope scope) {
    return new ExportCriteria(
        Report.CONVERSATIONS,
        new ReportCriteria(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), ZoneOffset.UTC, Set.of(), Set.of(), scope),
        List.of("session_id"),
        CsvFormat.of(false, false),
        "conversations");
  }

  /** Holds an export open on another thread until the latch opens. */
  private Thread running(ExportCriteria export, CountDownLatch inside, CountDownLatch end) {
    Thread t =
        new Thread(
            () -> {
              try {
                admission.write(export, OutputStream.nullOutputStream(), () -> {}, out -> {
                  inside.countDown();
                  try {
                    end.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    t.start();
    return t;
  }

  @Test
  void anAccountRunsItsLimitAtOnceAndTheNextIsRefusedBeforeAnyByte() throws Exception {
    ExportCriteria seven = of(AccountScope.only(Set.of(7L)));
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch end = new CountDownLatch(1);
    Thread a = running(seven, inside, end);
    Thread b = running(seven, inside, end);
    inside.await();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> admission.write(seven, out, () -> {}, o -> o.write(1)))
        .isInstanceOf(ExportsBusyException.class)
        .satisfies(e -> assertThat(((ExportsBusyException) e).retryAfterSeconds()).isPositive());
    assertThat(out.size()).isZero();
    // Another account still gets its export; then the platform's total is reached.
    admission.write(of(AccountScope.only(Set.of(8L))), out, () -> {}, o -> o.write(1));
    assertThat(out.size()).isEqualTo(1);

    end.countDown();
    a.join();
    b.join();
    admission.write(seven, out, () -> {}, o -> o.write(2));
    assertThat(out.size()).isEqualTo(2);
  }

  @Test
  void theTotalBoundsAllAccountsTogether() throws Exception {
    CountDownLatch inside = new CountDownLatch(3);
    CountDownLatch end = new CountDownLatch(1);
    Thread a = running(of(AccountScope.only(Set.of(1L))), inside, end);
    Thread b = running(of(AccountScope.only(Set.of(2L))), inside, end);
    Thread c = running(of(AccountScope.ALL), inside, end);
    inside.await();

    assertThatThrownBy(
            () -> admission.write(of(AccountScope.only(Set.of(4L))), OutputStream.nullOutputStream(), () -> {}, o -> {}))
        .isInstanceOf(ExportsBusyException.class);
    end.countDown();
    a.join();
    b.join();
    c.join();
  }

  @Test
  void aClientThatStopsReadingLosesItsTransferAfterTheStallTime() throws Exception {
    AtomicInteger broken = new AtomicInteger();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    OutputStream stuck =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            writing.countDown();
            try {
              released.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IOException("connection dropped");
          }
        };
    ExportCriteria seven = of(AccountScope.only(Set.of(7L)));
    Thread export =
        new Thread(
            () -> {
              try {
                admission.write(seven, stuck, () -> {
                  broken.incrementAndGet();
                  released.countDown();
                }, out -> out.write(1));
              } catch (IOException expected) {
                // the broken transfer, as the client sees it
              }
            });
    export.start();
    writing.await();

    admission.endStalled();
    assertThat(broken).hasValue(0);
    clock.advance(Duration.ofSeconds(61));
    admission.endStalled();
    admission.endStalled();
    export.join();
    assertThat(broken).as("ended once").hasValue(1);
    // Its room is free again.
    admission.write(seven, OutputStream.nullOutputStream(), () -> {}, o -> {});
    admission.write(seven, OutputStream.nullOutputStream(), () -> {}, o -> {});
  }
}
