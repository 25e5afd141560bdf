-- The durable log of every accepted event, in arrival order: the source of truth from which the
-- contexts' facts are rebuilt. The fingerprint tells a resent event from a reused id.
CREATE TABLE campaigns_event_log (
  seq         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id    VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  fingerprint CHAR(64)     NOT NULL,
  type        VARCHAR(64)  NOT NULL,
  at_ms       BIGINT       NOT NULL,
  envelope    LONGTEXT     NOT NULL,
  received_at DATETIME(3)  NOT NULL,
  CONSTRAINT uq_campaigns_event_log_event_id UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The campaigns events (accounts, campaigns, entry points, hosts) as this context keeps them.
CREATE TABLE campaigns_fact (
  event_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  type     VARCHAR(64)  NOT NULL,
  at_ms    BIGINT       NOT NULL,
  envelope LONGTEXT     NOT NULL,
  INDEX ix_campaigns_fact_at (at_ms, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
