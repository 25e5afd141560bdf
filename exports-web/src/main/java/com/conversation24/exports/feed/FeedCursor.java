package com.conversation24.exports.feed;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.reports.AccountScope;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a client is in a report's feed: for each clock (a database server's, decision 31), after
 * the entry {@code id} of the transaction numbered {@code seq}. Opaque to clients: the positions
 * and a MAC over them, the report and the caller's accounts, so a forged cursor, or one taken from
 * another report's or another caller's feed, is refused rather than read.
 */
public record FeedCursor(SortedMap<String, Position> clocks) {

  /** After the entry {@code id} of the transaction numbered {@code seq}. */
  public record Position(long seq, long id) {

    static final Position START = new Position(0, 0);

    /** The feed's order within a clock: by transaction, then by entry. */
    static final Comparator<Position> ORDER =
        Comparator.comparingLong(Position::seq).thenComparingLong(Position::id);
  }

  /** The start of every feed. */
  public static final FeedCursor START = new FeedCursor(new TreeMap<>());

  static final String FIELD = "cursor";

  private static final int MAC_BYTES = 16;
  /** More clocks than database servers a cluster could have had: a cursor's size stays small. */
  private static final int MOST_CLOCKS = 64;

  public FeedCursor {
    clocks = Collections.unmodifiableSortedMap(new TreeMap<>(clocks));
  }

  /** Where this clock's entries go on from. */
  public Position of(String clock) {
    return clocks.getOrDefault(clock, Position.START);
  }

  /** This cursor with one clock moved on. */
  public FeedCursor with(String clock, Position position) {
    TreeMap<String, Position> moved = new TreeMap<>(clocks);
    moved.put(clock, position);
    return new FeedCursor(moved);
  }

  /** The cursor as clients carry it. */
  public String text(String report, AccountScope scope, byte[] secret) {
    byte[] positions = positions();
    byte[] token = Arrays.copyOf(positions, positions.length + MAC_BYTES);
    System.arraycopy(mac(positions, report, scope, secret), 0, token, positions.length, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** @throws InvalidInputException (field {@code cursor}) unless this feed gave the text out */
  public static FeedCursor of(String text, String report, AccountScope scope, byte[] secret) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw refused();
    }
    if (token.length <= MAC_BYTES) {
      throw refused();
    }
    byte[] positions = Arrays.copyOf(token, token.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(token, positions.length, token.length);
    if (!MessageDigest.isEqual(mac, mac(positions, report, scope, secret))) {
      throw refused();
    }
    return read(positions);
  }

  private byte[] positions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(clocks.size());
      for (Map.Entry<String, Position> clock : clocks.entrySet()) {
        out.writeUTF(clock.getKey());
        out.writeLong(clock.getValue().seq());
        out.writeLong(clock.getValue().id());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Positions the MAC vouches for: written by {@link #positions}, so they parse. */
  private static FeedCursor read(byte[] positions) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(positions))) {
      int count = in.readUnsignedByte();
      if (count > MOST_CLOCKS) {
        throw refused();
      }
      TreeMap<String, Position> clocks = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        clocks.put(in.readUTF(), new Position(in.readLong(), in.readLong()));
      }
      return new FeedCursor(clocks);
    } catch (IOException e) {
      throw refused();
    }
  }

  private static InvalidInputException refused() {
    return new InvalidInputException(
        FIELD,
        "not a cursor of this feed: give the next_cursor of an earlier page of the same report,"
            + " read with the same credentials, or none to start from the beginning");
  }

  private static byte[] mac(byte[] positions, String report, AccountScope scope, byte[] secret) {
    String accounts =
        scope
            .accounts()
            .map(ids -> ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
            .orElse("all");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(positions);
      mac.update(("|" + report + "|" + accounts).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
