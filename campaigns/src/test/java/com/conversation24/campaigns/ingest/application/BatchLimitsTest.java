package com.conversation24.campaigns.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The 413 rules of EVENTS.md on small limits: bytes as read (not as announced), events counted. */
class BatchLimitsTest {

  private final BatchLimits limits = new BatchLimits(10, 3);

  @Test
  void aBodyAtTheByteLimitIsReadWhole() throws Exception {
    assertThat(limits.read(new ByteArrayInputStream("0123456789".getBytes()))).hasSize(10);
  }

  @Test
  void oneByteOverTheLimitIsTooLarge() {
    assertThatThrownBy(() -> limits.read(new ByteArrayInputStream("0123456789X".getBytes())))
        .isInstanceOf(BatchTooLargeException.class);
  }

  @Test
  void anEndlessBodyStopsBeingReadPastTheLimit() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    assertThatThrownBy(() -> limits.read(endless)).isInstanceOf(BatchTooLargeException.class);
  }

  /**
   * A body whose stream does not end at its declared length (the container's way with a request
   * that asks to upgrade the connection, decision 38): a read past it fails the test.
   */
  @Test
  void aDeclaredLengthIsReadWithoutWaitingForTheEnd() throws Exception {
    byte[] declared = "{\"a\":1}".getBytes();
    InputStream unframed =
        new InputStream() {
          private int next;

          @Override
          public int read() throws IOException {
            if (next == declared.length) {
              throw new IOException("read past the declared length: the end would never come");
            }
            return declared[next++];
          }
        };
    assertThat(limits.read(unframed, declared.length)).isEqualTo(declared);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsTooLargeBeforeAnyRead() {
    InputStream unread =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("read although the declared length is over the limit");
          }
        };
    assertThatThrownBy(() -> limits.read(unread, 11)).isInstanceOf(BatchTooLargeException.class);
  }

  @Test
  void aBodyShorterThanItsDeclaredLengthDidNotArriveWhole() {
    assertThatThrownBy(() -> limits.read(new ByteArrayInputStream("0123".getBytes()), 8))
        .isInstanceOf(IOException.class)
        .hasMessage("the body ended after 4 of its 8 bytes");
  }

  @Test
  void rejectedLinesCountAsEvents() {
    limits.checkCount(lines(3));
    assertThatThrownBy(() -> limits.checkCount(lines(4)))
        .isInstanceOf(BatchTooLargeException.class)
        .hasMessageContaining("4 events");
  }

  @Test
  void theSpecAllowsSixteenMebibytesAndTenThousandEvents() {
    BatchLimits spec = BatchLimits.ofTheSpec();
    spec.checkCount(lines(10_000));
    assertThatThrownBy(() -> spec.checkCount(lines(10_001)))
        .isInstanceOf(BatchTooLargeException.class);
  }

  private static List<IngestLine> lines(int count) {
    return IntStream.rangeClosed(1, count)
        .<IngestLine>mapToObj(n -> new RejectedLine(n, Optional.empty(), "line", "not JSON"))
        .toList();
  }
}
