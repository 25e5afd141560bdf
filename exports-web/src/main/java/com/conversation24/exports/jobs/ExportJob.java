package com.conversation24.exports.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A report's file prepared in the background (issue 18), as stored. {@code criteria} are the
 * export parameters already resolved (a named range turned into instants), so a job started
 * again reads the same rows. {@code accountId} is the caller's account, empty for an operator;
 * {@code attempt} counts the runs, the last one's chunks being the file.
 */
public record ExportJob(
    long id,
    OptionalLong accountId,
    boolean operator,
    String report,
    String format,
    Map<String, List<String>> criteria,
    String fileName,
    JobState state,
    Optional<String> reason,
    int attempt,
    long rowsWritten,
    Optional<JobManifest> manifest,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Optional<Instant> expiresAt) {

  public ExportJob {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(format, "format");
    criteria = Map.copyOf(criteria);
    Objects.requireNonNull(state, "state");
    if (state == JobState.DONE && manifest.isEmpty()) {
      throw new IllegalArgumentException("a done job has a manifest");
    }
  }

  /** Whether this caller may see the job: an operator any, others their account's only. */
  public boolean visibleTo(boolean operatorCaller, OptionalLong callerAccount) {
    return operatorCaller || (callerAccount.isPresent() && callerAccount.equals(accountId));
  }
}
