-- The session a fact belongs to, so that the facts of the sessions one batch touched are read
-- without reading every conversation.
ALTER TABLE conversations_fact
  ADD COLUMN entity_key VARCHAR(128) COLLATE utf8mb4_bin NULL,
  ADD INDEX ix_conversations_fact_entity (entity_key);
