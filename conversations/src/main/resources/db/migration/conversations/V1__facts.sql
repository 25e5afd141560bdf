-- The conversations events (chats, messages, surveys, goals, blocks) as this context keeps them.
CREATE TABLE conversations_fact (
  event_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  type     VARCHAR(64)  NOT NULL,
  at_ms    BIGINT       NOT NULL,
  envelope LONGTEXT     NOT NULL,
  INDEX ix_conversations_fact_at (at_ms, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
