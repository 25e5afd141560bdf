-- Scheduled deliveries (issue 19, decision 35): saved exports of an account, each period's
-- delivery claimed here before it is sent, and every attempt's outcome.
CREATE TABLE exports_saved_export (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       BIGINT        NOT NULL,
  label            VARCHAR(190)  NOT NULL,
  report           VARCHAR(32)   NOT NULL,
  -- Export parameters as given (a relative range stays relative), a JSON object of arrays.
  criteria         TEXT          NOT NULL,
  format           VARCHAR(16)   NOT NULL,
  -- DAY, WEEK or MONTH at a local time (HH:MM) of the criteria's zone; weekday for WEEK
  -- (MONDAY...), day of the month 1-31 for MONTH.
  schedule_every   VARCHAR(8)    NOT NULL,
  schedule_at      CHAR(5)       NOT NULL,
  schedule_weekday VARCHAR(9)    NULL,
  schedule_day     TINYINT       NULL,
  -- EMAIL (email_to: addresses separated by commas) or WEBHOOK (url and signing secret).
  destination      VARCHAR(8)    NOT NULL,
  email_to         TEXT          NULL,
  webhook_url      VARCHAR(2000) NULL,
  webhook_secret   VARCHAR(100)  NULL,
  paused           BOOLEAN       NOT NULL DEFAULT FALSE,
  next_run_at      DATETIME(3)   NOT NULL,
  failures         INT           NOT NULL DEFAULT 0,
  created_by       VARCHAR(190)  NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  updated_at       DATETIME(3)   NOT NULL,
  INDEX ix_exports_saved_export_account (account_id, id),
  INDEX ix_exports_saved_export_due (paused, next_run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One period's delivery. The unique key is the claim: whoever inserts the row for a period
-- delivers it, however many members saw it due. delivery_id is sent with every attempt.
CREATE TABLE exports_delivery (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  saved_export_id  BIGINT        NOT NULL,
  period           DATETIME(3)   NOT NULL,
  manual           BOOLEAN       NOT NULL,
  delivery_id      CHAR(36)      NOT NULL,
  state            VARCHAR(16)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  owner            VARCHAR(190)  NULL,
  lease_until      DATETIME(3)   NULL,
  next_attempt_at  DATETIME(3)   NOT NULL,
  give_up_at       DATETIME(3)   NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  finished_at      DATETIME(3)   NULL,
  rows_written     BIGINT        NULL,
  byte_size        BIGINT        NULL,
  sha256           CHAR(64)      NULL,
  outcome          VARCHAR(500)  NULL,
  UNIQUE KEY uq_exports_delivery_period (saved_export_id, period),
  UNIQUE KEY uq_exports_delivery_id (delivery_id),
  INDEX ix_exports_delivery_ready (state, next_attempt_at),
  INDEX ix_exports_delivery_lease (state, lease_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every attempt of a delivery: the log.
CREATE TABLE exports_delivery_attempt (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  delivery         BIGINT        NOT NULL,
  n                INT           NOT NULL,
  at               DATETIME(3)   NOT NULL,
  destination      VARCHAR(2100) NOT NULL,
  outcome          VARCHAR(16)   NOT NULL,
  rows_written     BIGINT        NULL,
  byte_size        BIGINT        NULL,
  sha256           CHAR(64)      NULL,
  status           INT           NULL,
  answer           VARCHAR(2000) NULL,
  INDEX ix_exports_delivery_attempt (delivery, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
