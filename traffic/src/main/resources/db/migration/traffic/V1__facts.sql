-- The traffic events (page views, entry point views and clicks, invite outcomes) as this context
-- keeps them.
CREATE TABLE traffic_fact (
  event_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  type     VARCHAR(64)  NOT NULL,
  at_ms    BIGINT       NOT NULL,
  envelope LONGTEXT     NOT NULL,
  INDEX ix_traffic_fact_at (at_ms, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
