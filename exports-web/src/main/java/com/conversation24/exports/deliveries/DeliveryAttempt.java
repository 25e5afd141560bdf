package com.conversation24.exports.deliveries;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One attempt of a delivery, as the log shows it: when, where to, how it ended, the file's rows,
 * bytes and SHA-256 (absent when sent as a link), and the receiver's answer (the HTTP status and
 * the start of its body, or the SMTP server's reply).
 *
 * @param outcome {@code delivered}, {@code failed}, or {@code interrupted} (the member sending it
 *     stopped; the attempt's end is unknown)
 */
public record DeliveryAttempt(
    long deliveryId,
    int n,
    Instant at,
    String destination,
    String outcome,
    OptionalLong rows,
    OptionalLong bytes,
    Optional<String> sha256,
    OptionalInt status,
    Optional<String> answer) {

  public DeliveryAttempt {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(answer, "answer");
  }
}
