package com.conversation24.exports.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where export jobs and their files are kept, for every member to see. Every change of state is
 * conditional on the state it leaves (and, for a running job, on its owner and attempt), so that
 * of two members doing the same thing one wins and the other changes nothing.
 */
public interface ExportJobRepository {

  /** The values of a new, queued job; the repository gives it its id. */
  record NewJob(
      OptionalLong accountId,
      boolean operator,
      String report,
      String format,
      Map<String, List<String>> criteria,
      String fileName,
      Instant createdAt) {}

  /** A running job whose lease ran out: its member stopped, or lost the database. */
  record Lapsed(long id, int attempt) {}

  ExportJob add(NewJob job);

  Optional<ExportJob> byId(long id);

  /** Queued or running jobs of the account (empty: the operators'), other than {@code except}. */
  int unfinished(OptionalLong accountId, boolean operator, long except);

  /** The oldest queued jobs' ids. */
  List<Long> queued(int limit);

  /** Makes a queued job this owner's, in its next attempt; empty when another member was first. */
  Optional<ExportJob> claim(long id, String owner, Instant now, Instant leaseUntil);

  /** Extends the owner's lease and records its progress; false when the job is no longer its. */
  boolean renew(long id, int attempt, String owner, long rows, Instant leaseUntil);

  boolean finish(long id, int attempt, String owner, JobManifest manifest, Instant at, Instant expiresAt);

  boolean fail(long id, int attempt, String owner, String reason, Instant at, Instant expiresAt);

  /** Running jobs whose lease ended before {@code now}. */
  List<Lapsed> lapsed(Instant now, int limit);

  /** Queues a lapsed job again to start from scratch, unless someone did already. */
  boolean requeue(Lapsed job, Instant now, String reason);

  /** Fails a lapsed job, unless someone queued or failed it already. */
  boolean failLapsed(Lapsed job, Instant now, String reason, Instant expiresAt);

  /** Queues again every job this owner is running (an orderly stop); how many. */
  int release(String owner, String reason);

  /** Jobs kept past their time. */
  List<Long> expired(Instant now, int limit);

  /** The job and its file; nothing when it is gone already. */
  void delete(long id);

  void writeChunk(long id, int attempt, int n, byte[] data, int length);

  /** Chunk {@code n} of the attempt's file. */
  byte[] chunk(long id, int attempt, int n);

  /** Every chunk the job's earlier runs left. */
  void deleteChunks(long id);
}
