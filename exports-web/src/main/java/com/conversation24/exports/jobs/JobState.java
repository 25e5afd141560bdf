package com.conversation24.exports.jobs;

/**
 * Where an export job is: waiting for a member to claim it, being written by one, done (its file
 * can be downloaded) or failed (with a reason). Queued and running are the unfinished states the
 * per-account limit counts.
 */
public enum JobState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED;

  public boolean finished() {
    return this == DONE || this == FAILED;
  }
}
