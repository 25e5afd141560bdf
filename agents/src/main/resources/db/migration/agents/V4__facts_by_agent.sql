-- Each fact filed under its agent (entity_key: the agent_id as decimal text) with an index by agent
-- and time, so that a late login or presence change derives that agent's timeline again from its
-- own facts since that instant, not from every agent's history (decision 30).
ALTER TABLE agents_fact
  ADD COLUMN entity_key VARCHAR(32) COLLATE utf8mb4_bin NULL,
  ADD INDEX ix_agents_fact_entity (entity_key, at_ms);

UPDATE agents_fact SET entity_key = JSON_VALUE(envelope, '$.data.agent_id');
