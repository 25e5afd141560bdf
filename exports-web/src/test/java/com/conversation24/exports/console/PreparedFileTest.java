package com.conversation24.exports.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.jobs.JobState;
import org.junit.jupiter.api.Test;

/** "Prepare file" in words: how far a job has got against the rows counted when it was asked for. */
class PreparedFileTest {

  private static PreparedFile job(JobState state, long rows, long expected, long bytes) {
    return new PreparedFile(
        1, "Conversations", state, rows, expected, state == JobState.FAILED ? "the database was lost" : "",
        "conversations_2026-10-23_2026-10-27.csv", "/api/export-jobs/1/file", bytes, "", 3, 0, "", "");
  }

  @Test
  void aRunningJobIsShownAgainstTheRowsCountedAndNeverCompleteBeforeItIsDone() {
    assertThat(job(JobState.QUEUED, 0, 1000, 0).getPercent()).isZero();
    assertThat(job(JobState.QUEUED, 0, 1000, 0).getWords()).isEqualTo("Waiting to start…");
    assertThat(job(JobState.RUNNING, 250, 1000, 0).getPercent()).isEqualTo(25);
    assertThat(job(JobState.RUNNING, 250, 1000, 0).getWords())
        .isEqualTo("Preparing: 250 of about 1,000 rows");
    // Rows ingested since the count: still below 100 % until the file is complete.
    assertThat(job(JobState.RUNNING, 1200, 1000, 0).getPercent()).isEqualTo(99);
    assertThat(job(JobState.RUNNING, 5, 0, 0).getPercent()).isZero();
  }

  @Test
  void aDoneJobSaysItsRowsAndSizeAFailedOneItsReason() {
    PreparedFile done = job(JobState.DONE, 1_234_567, 1_234_000, 13_700_000);
    assertThat(done.getPercent()).isEqualTo(100);
    assertThat(done.getWords()).isEqualTo("Ready: 1,234,567 rows, 13.7 MB.");
    assertThat(done.getBytesExact()).isEqualTo("13,700,000");
    assertThat(job(JobState.DONE, 1, 1, 812).getWords()).isEqualTo("Ready: 1 row, 812 bytes.");
    assertThat(job(JobState.FAILED, 10, 100, 0).getWords())
        .isEqualTo("The file could not be prepared: the database was lost");
    assertThat(job(JobState.FAILED, 10, 100, 0).isFinished()).isTrue();
  }
}
