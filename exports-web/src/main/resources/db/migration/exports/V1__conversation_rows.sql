-- The Conversations projection: one row per conversation with the figures its own events settle
-- (ConversationRow), kept up to date in the ingesting transaction. Figures are stored as the cells
-- print them ('' for an empty cell). Directory cells (accounts, entry point names, handling type)
-- and the start in the export's time zone are added on reading.
CREATE TABLE exports_conversation (
  session_id              VARCHAR(128)  COLLATE utf8mb4_bin NOT NULL,
  campaign_id             BIGINT        NOT NULL,
  started_at_ms           BIGINT        NOT NULL,
  entry_point_id          BIGINT        NOT NULL,
  first_agent_id          BIGINT        NULL,
  last_agent_id           BIGINT        NULL,
  involved_agent_ids      TEXT          NOT NULL,
  visitor_id              VARCHAR(128)  NOT NULL,
  host_id                 VARCHAR(24)   NOT NULL,
  num_messages            VARCHAR(24)   NOT NULL,
  duration_total          VARCHAR(24)   NOT NULL,
  duration_conversation   VARCHAR(24)   NOT NULL,
  duration_afterclose     VARCHAR(24)   NOT NULL,
  avg_message_length      VARCHAR(24)   NOT NULL,
  max_message_length      VARCHAR(24)   NOT NULL,
  first_response_time     VARCHAR(24)   NOT NULL,
  first_reply_time        VARCHAR(24)   NOT NULL,
  avg_response_time       VARCHAR(24)   NOT NULL,
  max_response_time       VARCHAR(24)   NOT NULL,
  decision_time           VARCHAR(24)   NOT NULL,
  accept_url              TEXT          NOT NULL,
  successcode             TEXT          NOT NULL,
  survey_result           VARCHAR(16)   NOT NULL,
  survey_comment          TEXT          NOT NULL,
  visitor_identifier      TEXT          NOT NULL,
  blocked                 VARCHAR(3)    NOT NULL,
  block_reason            TEXT          NOT NULL,
  goals                   TEXT          NOT NULL,
  total_goal_value        VARCHAR(32)   NOT NULL,
  -- Clustered in the report's order: an export of a range reads the table in sequence and sends
  -- its first row at once, with no sort. A campaign filter or an account's campaigns use the
  -- second index.
  PRIMARY KEY (started_at_ms, campaign_id, session_id),
  CONSTRAINT uq_exports_conversation_session UNIQUE (session_id),
  INDEX ix_exports_conversation_campaign (campaign_id, started_at_ms, session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
