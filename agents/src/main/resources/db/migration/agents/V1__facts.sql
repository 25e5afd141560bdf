-- The agents events (profiles, deletions, work shifts, presence) as this context keeps them.
CREATE TABLE agents_fact (
  event_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  type     VARCHAR(64)  NOT NULL,
  at_ms    BIGINT       NOT NULL,
  envelope LONGTEXT     NOT NULL,
  INDEX ix_agents_fact_at (at_ms, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
