package com.conversation24.exports.reports.conversations;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Session ids in an order, kept compactly (one array of their UTF-8 bytes and one of their ends):
 * a million of them take some 15 MB instead of some 60 MB as strings.
 */
public final class SessionOrder {

  private final byte[] bytes;
  private final int[] ends;

  private SessionOrder(byte[] bytes, int[] ends) {
    this.bytes = bytes;
    this.ends = ends;
  }

  static SessionOrder of(List<String> sessionIds) {
    Builder builder = new Builder();
    sessionIds.forEach(builder::add);
    return builder.build();
  }

  public int size() {
    return ends.length;
  }

  /** The ids from position {@code from} (included) to {@code to} (excluded), within the order. */
  public List<String> slice(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(to, ends.length); i++) {
      int start = i == 0 ? 0 : ends[i - 1];
      ids.add(new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8));
    }
    return ids;
  }

  /** Collects ids one at a time, as a streamed query hands them over. */
  static final class Builder {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private int[] ends = new int[1024];
    private int size;

    void add(String sessionId) {
      byte[] id = sessionId.getBytes(StandardCharsets.UTF_8);
      all.write(id, 0, id.length);
      if (size == ends.length) {
        ends = Arrays.copyOf(ends, size * 2);
      }
      ends[size++] = all.size();
    }

    int size() {
      return size;
    }

    SessionOrder build() {
      return new SessionOrder(all.toByteArray(), Arrays.copyOf(ends, size));
    }
  }
}
