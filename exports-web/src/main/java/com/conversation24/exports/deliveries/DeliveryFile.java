package com.conversation24.exports.deliveries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * A delivery's file as it is written, in memory up to the attachment limit. One byte past it the
 * export stops ({@link TooLarge}) and the delivery goes as a link to an export job's file instead:
 * a file is never cut to fit.
 */
final class DeliveryFile extends OutputStream {

  /** Thrown into the export when the file passed the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("larger than " + limit + " bytes", null);
    }
  }

  private final long limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private boolean tooLarge;

  DeliveryFile(long limit) {
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int length) throws IOException {
    if (tooLarge || bytes.size() + (long) length > limit) {
      tooLarge = true;
      throw new TooLarge(limit);
    }
    bytes.write(data, offset, length);
  }

  boolean tooLarge() {
    return tooLarge;
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  /** The file written, with its rows (absent for XLSX, whose writer does not count them). */
  record Written(byte[] bytes, OptionalLong rows, String sha256, String name, String contentType) {
    Written {
      bytes = bytes.clone();
    }

    static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }
  }
}
