package com.conversation24.app.simulator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One event of the simulation: its id, type, instant (epoch milliseconds) and the fields of its
 * {@code data}, in the order they are written. Ordered as EVENTS.md orders events: by {@code at},
 * then by {@code id}.
 */
public final class SimulatedEvent {

  /** EVENTS.md order; ids of one run have the same length, so character order is creation order. */
  public static final Comparator<SimulatedEvent> ORDER =
      Comparator.comparingLong(SimulatedEvent::at).thenComparing(SimulatedEvent::id);

  private final String id;
  private final String type;
  private final long at;
  private final Object[] data;

  /**
   * @param data field names and values, alternating; a value is a {@link String}, a {@link Long},
   *     a {@link BigDecimal} or a {@code long[]}; {@code null} values are left out
   */
  SimulatedEvent(String id, String type, long at, Object... data) {
    this.id = Objects.requireNonNull(id);
    this.type = Objects.requireNonNull(type);
    this.at = at;
    if (data.length % 2 != 0) {
      throw new IllegalArgumentException("data needs names and values in pairs");
    }
    for (int i = 1; i < data.length; i += 2) {
      Object value = data[i];
      if (value != null
          && !(value instanceof String
              || value instanceof Long
              || value instanceof BigDecimal
              || value instanceof long[])) {
        throw new IllegalArgumentException(data[i - 1] + ": unsupported value " + value.getClass());
      }
    }
    this.data = data;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  /** Epoch milliseconds. */
  public long at() {
    return at;
  }

  int fieldCount() {
    return data.length / 2;
  }

  String fieldName(int i) {
    return (String) data[2 * i];
  }

  Object fieldValue(int i) {
    return data[2 * i + 1];
  }

  /** The value of a data field, or null. */
  public Object field(String name) {
    for (int i = 0; i < data.length; i += 2) {
      if (data[i].equals(name)) {
        return data[i + 1];
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return id + " " + type + " " + at + " " + Arrays.deepToString(data);
  }
}
