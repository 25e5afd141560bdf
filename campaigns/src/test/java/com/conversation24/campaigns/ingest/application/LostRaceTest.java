package com.conversation24.campaigns.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import javax.transaction.xa.XAException;
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
  void aCommitThatGaleraRefusedIsARace() {
    // As Payara throws it when a write-set fails certification at commit (measured on Galera):
    // the driver's 1213 survives only in the XAException's message.
    XAException refused =
        new XAException(
            "jakarta.resource.spi.LocalTransactionException: (conn=72) Deadlock found when trying"
                + " to get lock; try restarting transaction");
    refused.errorCode = XAException.XAER_RMERR;
    SystemException commit = new SystemException();
    commit.initCause(refused);
    assertThat(
            IngestionService.lostARace(
                new TransactionalException(
                    "Managed bean with Transactional annotation and TxType of REQUIRES_NEW"
                        + " encountered exception during commit " + commit,
                    commit)))
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
