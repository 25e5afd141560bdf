package com.conversation24.campaigns.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class LostRaceTest {

  @Test
  void aDuplicateKeyUnderTheLogsWrapperIsARace() {
    SQLException duplicate =
        new SQLIntegrityConstraintViolationException("Duplicate entry 'e-1'", "23000", 1062);
    assertThat(IngestionService.lostARace(new IllegalStateException("append", duplicate))).isTrue();
  }

  @Test
  void aDuplicateKeyChainedBehindABatchFailureIsARace() {
    BatchUpdateException batch = new BatchUpdateException("batch", "HY000", 0, new int[0]);
    batch.setNextException(
        new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
    assertThat(IngestionService.lostARace(new IllegalStateException(batch))).isTrue();
  }

  @Test
  void aDeadlockVictimIsARace() {
    assertThat(
            IngestionService.lostARace(
                new IllegalStateException(
                    new SQLTransactionRollbackException("Deadlock found", "40001", 1213))))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(IngestionService.lostARace(new IllegalStateException("boom"))).isFalse();
    assertThat(
            IngestionService.lostARace(
                new IllegalStateException(new SQLException("Data too long", "22001", 1406))))
        .isFalse();
  }
}
