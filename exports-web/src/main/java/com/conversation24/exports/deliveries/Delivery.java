package com.conversation24.exports.deliveries;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One period's delivery of a saved export, claimed in the database before anything is sent: its
 * key (saved export, period) is unique, so two members or a restarted one can never make a second
 * delivery of the same period. Its {@code deliveryId} is made with the claim and sent with every
 * attempt (the webhook's delivery header, the mail's Message-ID), so a receiver that sees it twice
 * (a member died after sending, before recording) knows it is the same delivery.
 *
 * @param period the schedule's occurrence, or the instant of a "send now"
 * @param manual whether it was "send now" rather than the schedule
 * @param attempts attempts made so far
 * @param giveUpAt after this instant no attempt is made: the delivery failed (set with the claim)
 */
public record Delivery(
    long id,
    long savedExportId,
    Instant period,
    boolean manual,
    String deliveryId,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant giveUpAt,
    Optional<Instant> finishedAt,
    OptionalLong rows,
    OptionalLong bytes,
    Optional<String> sha256,
    Optional<String> outcome) {

  public Delivery {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(giveUpAt, "giveUpAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(outcome, "outcome");
  }
}
