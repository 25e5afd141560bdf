package com.conversation24.campaigns.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a text's UTF-8, as lower-case hex: event fingerprints, the hashes of secret
 * tokens, the Hosts report's shared-name id and the simulator's run key all use it.
 */
public final class Sha256 {

  /** Cloned per use: cheaper than looking the algorithm up among the providers every time. */
  private static final MessageDigest PROTOTYPE = lookUp();

  private Sha256() {}

  /** All 64 hex digits. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUp();
    }
  }

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
