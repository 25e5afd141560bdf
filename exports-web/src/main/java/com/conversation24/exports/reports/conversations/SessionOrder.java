package com.conversation24.exports.reports.conversations;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Session ids in an order, kept compactly (one array of their UTF-8 bytes and one of their ends,
 * as they were read, and the order of those positions): a million of them take some 19 MB instead
 * of some 60 MB as strings.
 */
public final class SessionOrder {

  private final byte[] bytes;
  private final int[] ends;

  /** The positions of the ids as read, in this order; {@code null}: as read. */
  private final int[] order;

  private SessionOrder(byte[] bytes, int[] ends, int[] order) {
    this.bytes = bytes;
    this.ends = ends;
    this.order = order;
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
    for (int n = Math.max(0, from); n < Math.min(to, ends.length); n++) {
      int i = order == null ? n : order[n];
      int start = i == 0 ? 0 : ends[i - 1];
      ids.add(new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8));
    }
    return ids;
  }

  /**
   * The same ids in another order: {@code positions[n]} is the position, in this order, of the id
   * that comes n-th.
   */
  SessionOrder sortedBy(int[] positions) {
    if (order != null || positions.length != ends.length) {
      throw new IllegalArgumentException("a permutation of the ids as read");
    }
    return new SessionOrder(bytes, ends, positions);
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
      return new SessionOrder(all.toByteArray(), Arrays.copyOf(ends, size), null);
    }
  }
}
