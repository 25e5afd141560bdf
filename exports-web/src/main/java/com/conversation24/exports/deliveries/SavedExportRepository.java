package com.conversation24.exports.deliveries;

import com.conversation24.exports.links.LinkCriteria;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Saved exports, their deliveries and the attempts' log. Every change of a delivery's state is
 * conditional on the state, attempt and owner it expects, so that of two members only one wins.
 */
public interface SavedExportRepository {

  /** A saved export to store: everything but its id, next run and failures. */
  record NewSavedExport(
      long accountId,
      String label,
      String report,
      LinkCriteria criteria,
      String format,
      DeliverySchedule schedule,
      Destination destination,
      Instant nextRunAt,
      String createdBy,
      Instant createdAt) {}

  /** A delivery a member was sending when its lease ran out. */
  record Lapsed(long id, int attempts) {}

  SavedExport add(NewSavedExport export);

  /** Stores the edited fields (label to destination, paused, next run); false when gone. */
  boolean update(SavedExport export);

  /** Deletes it with its deliveries and their log. */
  boolean delete(long id);

  Optional<SavedExport> byId(long id);

  /** Newest first; one account's, or every account's. */
  List<SavedExport> list(OptionalLong accountId);

  /** Not paused and due at {@code now}. */
  List<SavedExport> due(Instant now, int limit);

  /**
   * Claims a period: inserts its delivery, queued, unless one exists for it.
   *
   * @return the new delivery, empty when the period was claimed already
   */
  Optional<Delivery> claimPeriod(
      long savedExportId, Instant period, boolean manual, String deliveryId, Instant now, Instant giveUpAt);

  /** Moves the next run on from {@code expected}; false when another member did it first. */
  boolean advance(long savedExportId, Instant expected, Instant nextRunAt);

  /** Queued deliveries whose next attempt is due. */
  List<Long> ready(Instant now, int limit);

  /** Takes a queued delivery for an attempt under a lease; empty when another member has it. */
  Optional<Delivery> claim(long id, String owner, Instant now, Instant leaseUntil);

  boolean renew(long id, int attempts, String owner, Instant leaseUntil);

  /** Ends the delivery (delivered or failed for good) and counts the saved export's failures. */
  boolean finish(
      long id, int attempts, String owner, DeliveryState state, String outcome,
      OptionalLong rows, OptionalLong bytes, Optional<String> sha256, Instant now);

  /** Queues it again for another attempt at {@code nextAttemptAt}. */
  boolean retryLater(long id, int attempts, String owner, Instant nextAttemptAt, String outcome);

  List<Lapsed> lapsed(Instant now, int limit);

  /** Queues again a delivery whose member stopped; false when it moved on meanwhile. */
  boolean requeueLapsed(Lapsed delivery, Instant now, String outcome);

  /** Releases this member's deliveries at an orderly stop. */
  int release(String owner, Instant now);

  void recordAttempt(DeliveryAttempt attempt);

  Optional<Delivery> delivery(long id);

  /** Newest first. */
  List<Delivery> deliveries(long savedExportId, int limit);

  /** A delivery's attempts, in order. */
  List<DeliveryAttempt> attempts(long deliveryId);
}
