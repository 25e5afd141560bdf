-- Export jobs (issue 18): a report's file prepared in the background, kept in the database so
-- that every member can serve it (decision 32). A job is claimed by one member (owner, lease);
-- a member that stops lets its lease run out and another takes the job over from scratch.
CREATE TABLE exports_export_job (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- The caller's account; NULL for an operator (the platform's own jobs).
  account_id      BIGINT       NULL,
  operator        BOOLEAN      NOT NULL,
  report          VARCHAR(32)  NOT NULL,
  format          VARCHAR(16)  NOT NULL,
  -- The criteria resolved when the job was made, as export parameters (a named range already
  -- turned into from/to instants), a JSON object of arrays: {"from":["2026-10-23T00:00:00Z"]}
  criteria        TEXT         NOT NULL,
  file_name       VARCHAR(190) NOT NULL,
  state           VARCHAR(16)  NOT NULL,
  reason          VARCHAR(500) NULL,
  attempt         INT          NOT NULL DEFAULT 0,
  owner           VARCHAR(190) NULL,
  lease_until     DATETIME(3)  NULL,
  rows_written    BIGINT       NOT NULL DEFAULT 0,
  byte_size       BIGINT       NULL,
  sha256          CHAR(64)     NULL,
  catalogue_version INT        NULL,
  event_log_seq   BIGINT       NULL,
  event_log_received_at DATETIME(3) NULL,
  taken_at        DATETIME(3)  NULL,
  created_at      DATETIME(3)  NOT NULL,
  started_at      DATETIME(3)  NULL,
  finished_at     DATETIME(3)  NULL,
  expires_at      DATETIME(3)  NULL,
  INDEX ix_exports_export_job_state (state, id),
  INDEX ix_exports_export_job_account (account_id, state),
  INDEX ix_exports_export_job_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A job's file in chunks of 1 MiB, n from 0, written as the export streams. attempt tells the
-- chunks of a run that was taken over from those of the run that completed the job.
CREATE TABLE exports_export_job_chunk (
  job_id   BIGINT   NOT NULL,
  attempt  INT      NOT NULL,
  n        INT      NOT NULL,
  data     LONGBLOB NOT NULL,
  PRIMARY KEY (job_id, attempt, n)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
