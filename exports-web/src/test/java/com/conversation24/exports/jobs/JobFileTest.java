package com.conversation24.exports.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A job's file as the manifest describes it: the chunks, in order, are the bytes written, and
 * the size and SHA-256 are those of the bytes. Chunks of 10 bytes here, so that a few lines make
 * several.
 */
class JobFileTest {

  private static final Executor THREAD = task -> new Thread(task).start();

  private final List<byte[]> stored = new ArrayList<>();

  private JobFile file(int chunkBytes) {
    return new JobFile(
        (n, data, length) -> {
          assertThat(n).as("chunks come in order").isEqualTo(stored.size());
          stored.add(Arrays.copyOf(data, length));
        },
        THREAD,
        chunkBytes);
  }

  private byte[] joined() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    stored.forEach(all::writeBytes);
    return all.toByteArray();
  }

  @Test
  void theChunksAreTheBytesAndTheDigestIsTheirs() throws Exception {
    byte[] text = "session_id,duration\r\ns1,12\r\ns2,7\r\n".getBytes(StandardCharsets.UTF_8);
    JobFile file = file(10);
    file.write(text, 0, 5);
    file.write(text, 5, text.length - 5);
    file.close();

    assertThat(stored).hasSize(4);
    assertThat(stored.get(3)).hasSize(text.length - 30);
    assertThat(joined()).isEqualTo(text);
    assertThat(file.size()).isEqualTo(text.length);
    assertThat(file.sha256()).isEqualTo(sha256(text));
  }

  @Test
  void theSha256IsTheStandardOne() throws Exception {
    JobFile file = file(10);
    file.write("abc".getBytes(StandardCharsets.US_ASCII));
    file.close();

    // FIPS 180-2, appendix B.1.
    assertThat(file.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aFileOfWholeChunksHasNoEmptyLastOne() throws Exception {
    JobFile file = file(10);
    file.write(new byte[30]);
    file.close();

    assertThat(stored).extracting(b -> b.length).containsExactly(10, 10, 10);
  }

  @Test
  void anEmptyFileHasNoChunks() throws Exception {
    JobFile file = file(10);
    file.close();

    assertThat(stored).isEmpty();
    assertThat(file.size()).isZero();
    assertThat(file.sha256()).isEqualTo(sha256(new byte[0]));
  }

  @Test
  void manyChunksWrittenInPiecesOfAnySizeAreStoredWhole() throws Exception {
    byte[] data = new byte[100_003];
    new Random(18).nextBytes(data);
    JobFile file = file(1024);
    Random sizes = new Random(7);
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, 1 + sizes.nextInt(3000));
      file.write(data, at, n);
      at += n;
    }
    file.close();

    assertThat(stored).hasSize(98);
    assertThat(joined()).isEqualTo(data);
    assertThat(file.sha256()).isEqualTo(sha256(data));
  }

  @Test
  void aFailureToStoreReachesTheWriter() {
    JobFile file =
        new JobFile(
            (n, data, length) -> {
              throw new IllegalStateException("the database is gone");
            },
            THREAD,
            10);

    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 100; i++) {
                file.write(new byte[10]);
              }
              file.close();
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database is gone");
  }

  @Test
  void anAbandonedFileStoresNothingMore() throws IOException, InterruptedException {
    JobFile file = file(10);
    file.write(new byte[5]);
    file.abandon();
    Thread.sleep(50);

    assertThat(stored).isEmpty();
    assertThatThrownBy(() -> file.write(new byte[1])).isInstanceOf(IOException.class);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
