-- The change feed (decision 31): for every row of the four row reports' stores, one change entry
-- per key and owning account, saying whether the row is there (live) or gone, whether a client
-- following the feed may hold an earlier version (restated), and, once its transaction is about to
-- commit, the clock and sequence number it committed under. Triggers keep the entries from every
-- write of the stores, so no write path can forget one; a write outside an ingesting transaction
-- has no batch (@exports_feed_batch NULL) and fails on batch_id NOT NULL rather than go unseen.
-- FeedClock numbers each transaction as its last statement, under its clock row's lock, so numbers
-- are taken in commit order (see the decision).
-- One clock a database server (its host and port): on Galera each node numbers the transactions
-- written through it, so that writers on different nodes never conflict on one clock row.
CREATE TABLE exports_feed_clock (
  clock VARCHAR(128) NOT NULL PRIMARY KEY,
  seq   BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The secret signs the feed's cursors (HMAC-SHA256), the same on every member.
CREATE TABLE exports_feed_secret (
  id     TINYINT    NOT NULL PRIMARY KEY,
  secret BINARY(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO exports_feed_secret VALUES (1, UNHEX(SHA2(CONCAT(UUID(), RAND(), NOW(6)), 256)));

-- The rows that print an entry point's name or type, found when it changes.
CREATE INDEX ix_exports_receipt_entry_point ON exports_receipt (entry_point_id);
CREATE INDEX ix_exports_conversation_entry_point ON exports_conversation (entry_point_id);

-- conversations: exports_conversation
CREATE TABLE exports_conversation_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at_ms BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  session_id VARCHAR(64) NOT NULL,
  account_id BIGINT NOT NULL,
  live BOOLEAN NOT NULL,
  restated BOOLEAN NOT NULL,
  batch_id BIGINT NOT NULL,
  clock VARCHAR(128) NULL,
  seq BIGINT NULL,
  UNIQUE KEY uq_exports_conversation_change (started_at_ms, campaign_id, session_id, account_id),
  INDEX ix_exports_conversation_change_batch (batch_id),
  INDEX ix_exports_conversation_change_seq (clock, seq, id),
  INDEX ix_exports_conversation_change_account (account_id, clock, seq, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER exports_conversation_inserted AFTER INSERT ON exports_conversation FOR EACH ROW
  INSERT INTO exports_conversation_change (started_at_ms, campaign_id, session_id, account_id, live, restated, batch_id, seq)
  VALUES (NEW.started_at_ms, NEW.campaign_id, NEW.session_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_conversation_updated AFTER UPDATE ON exports_conversation FOR EACH ROW
  INSERT INTO exports_conversation_change (started_at_ms, campaign_id, session_id, account_id, live, restated, batch_id, seq)
  SELECT NEW.started_at_ms, NEW.campaign_id, NEW.session_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.session_id <=> NEW.session_id AND OLD.campaign_id <=> NEW.campaign_id AND OLD.account_id <=> NEW.account_id AND OLD.started_at_ms <=> NEW.started_at_ms AND OLD.entry_point_id <=> NEW.entry_point_id AND OLD.first_agent_id <=> NEW.first_agent_id AND OLD.last_agent_id <=> NEW.last_agent_id AND OLD.involved_agent_ids <=> NEW.involved_agent_ids AND OLD.visitor_id <=> NEW.visitor_id AND OLD.host_id <=> NEW.host_id AND OLD.num_messages <=> NEW.num_messages AND OLD.duration_total_ms <=> NEW.duration_total_ms AND OLD.duration_conversation_ms <=> NEW.duration_conversation_ms AND OLD.duration_afterclose_ms <=> NEW.duration_afterclose_ms AND OLD.avg_message_length <=> NEW.avg_message_length AND OLD.max_message_length <=> NEW.max_message_length AND OLD.first_response_ms <=> NEW.first_response_ms AND OLD.first_reply_ms <=> NEW.first_reply_ms AND OLD.avg_response_s <=> NEW.avg_response_s AND OLD.max_response_ms <=> NEW.max_response_ms AND OLD.decision_ms <=> NEW.decision_ms AND OLD.accept_url <=> NEW.accept_url AND OLD.successcode <=> NEW.successcode AND OLD.survey_result <=> NEW.survey_result AND OLD.survey_comment <=> NEW.survey_comment AND OLD.visitor_identifier <=> NEW.visitor_identifier AND OLD.blocked <=> NEW.blocked AND OLD.block_reason <=> NEW.block_reason AND OLD.goals <=> NEW.goals AND OLD.total_goal_value <=> NEW.total_goal_value AND OLD.handling_type <=> NEW.handling_type)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_conversation_moved AFTER UPDATE ON exports_conversation FOR EACH ROW
  INSERT INTO exports_conversation_change (started_at_ms, campaign_id, session_id, account_id, live, restated, batch_id, seq)
  SELECT OLD.started_at_ms, OLD.campaign_id, OLD.session_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.started_at_ms <=> NEW.started_at_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.session_id <=> NEW.session_id AND OLD.account_id <=> NEW.account_id)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_conversation_deleted AFTER DELETE ON exports_conversation FOR EACH ROW
  INSERT INTO exports_conversation_change (started_at_ms, campaign_id, session_id, account_id, live, restated, batch_id, seq)
  VALUES (OLD.started_at_ms, OLD.campaign_id, OLD.session_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

-- slots: exports_receipt
CREATE TABLE exports_receipt_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  received_at_ms BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  agent_id BIGINT NOT NULL,
  assignment_event_id VARCHAR(128) NOT NULL,
  account_id BIGINT NOT NULL,
  live BOOLEAN NOT NULL,
  restated BOOLEAN NOT NULL,
  batch_id BIGINT NOT NULL,
  clock VARCHAR(128) NULL,
  seq BIGINT NULL,
  UNIQUE KEY uq_exports_receipt_change (received_at_ms, campaign_id, agent_id, assignment_event_id, account_id),
  INDEX ix_exports_receipt_change_batch (batch_id),
  INDEX ix_exports_receipt_change_seq (clock, seq, id),
  INDEX ix_exports_receipt_change_account (account_id, clock, seq, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER exports_receipt_inserted AFTER INSERT ON exports_receipt FOR EACH ROW
  INSERT INTO exports_receipt_change (received_at_ms, campaign_id, agent_id, assignment_event_id, account_id, live, restated, batch_id, seq)
  VALUES (NEW.received_at_ms, NEW.campaign_id, NEW.agent_id, NEW.assignment_event_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_receipt_updated AFTER UPDATE ON exports_receipt FOR EACH ROW
  INSERT INTO exports_receipt_change (received_at_ms, campaign_id, agent_id, assignment_event_id, account_id, live, restated, batch_id, seq)
  SELECT NEW.received_at_ms, NEW.campaign_id, NEW.agent_id, NEW.assignment_event_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.received_at_ms <=> NEW.received_at_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.assignment_event_id <=> NEW.assignment_event_id AND OLD.account_id <=> NEW.account_id AND OLD.session_id <=> NEW.session_id AND OLD.entry_point_id <=> NEW.entry_point_id AND OLD.released_at_ms <=> NEW.released_at_ms AND OLD.state <=> NEW.state AND OLD.first_visitor_message_ms <=> NEW.first_visitor_message_ms AND OLD.first_agent_message_ms <=> NEW.first_agent_message_ms AND OLD.last_of_session <=> NEW.last_of_session AND OLD.survey_result <=> NEW.survey_result)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_receipt_moved AFTER UPDATE ON exports_receipt FOR EACH ROW
  INSERT INTO exports_receipt_change (received_at_ms, campaign_id, agent_id, assignment_event_id, account_id, live, restated, batch_id, seq)
  SELECT OLD.received_at_ms, OLD.campaign_id, OLD.agent_id, OLD.assignment_event_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.received_at_ms <=> NEW.received_at_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.assignment_event_id <=> NEW.assignment_event_id AND OLD.account_id <=> NEW.account_id)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_receipt_deleted AFTER DELETE ON exports_receipt FOR EACH ROW
  INSERT INTO exports_receipt_change (received_at_ms, campaign_id, agent_id, assignment_event_id, account_id, live, restated, batch_id, seq)
  VALUES (OLD.received_at_ms, OLD.campaign_id, OLD.agent_id, OLD.assignment_event_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

-- agent-activity: exports_presence
CREATE TABLE exports_presence_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  start_ms BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  agent_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  live BOOLEAN NOT NULL,
  restated BOOLEAN NOT NULL,
  batch_id BIGINT NOT NULL,
  clock VARCHAR(128) NULL,
  seq BIGINT NULL,
  UNIQUE KEY uq_exports_presence_change (start_ms, campaign_id, agent_id, account_id),
  INDEX ix_exports_presence_change_batch (batch_id),
  INDEX ix_exports_presence_change_seq (clock, seq, id),
  INDEX ix_exports_presence_change_account (account_id, clock, seq, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER exports_presence_inserted AFTER INSERT ON exports_presence FOR EACH ROW
  INSERT INTO exports_presence_change (start_ms, campaign_id, agent_id, account_id, live, restated, batch_id, seq)
  VALUES (NEW.start_ms, NEW.campaign_id, NEW.agent_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_presence_updated AFTER UPDATE ON exports_presence FOR EACH ROW
  INSERT INTO exports_presence_change (start_ms, campaign_id, agent_id, account_id, live, restated, batch_id, seq)
  SELECT NEW.start_ms, NEW.campaign_id, NEW.agent_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.start_ms <=> NEW.start_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.account_id <=> NEW.account_id AND OLD.state <=> NEW.state AND OLD.end_ms <=> NEW.end_ms AND OLD.start_event_id <=> NEW.start_event_id AND OLD.change_key <=> NEW.change_key)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_presence_moved AFTER UPDATE ON exports_presence FOR EACH ROW
  INSERT INTO exports_presence_change (start_ms, campaign_id, agent_id, account_id, live, restated, batch_id, seq)
  SELECT OLD.start_ms, OLD.campaign_id, OLD.agent_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.start_ms <=> NEW.start_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.account_id <=> NEW.account_id)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_presence_deleted AFTER DELETE ON exports_presence FOR EACH ROW
  INSERT INTO exports_presence_change (start_ms, campaign_id, agent_id, account_id, live, restated, batch_id, seq)
  VALUES (OLD.start_ms, OLD.campaign_id, OLD.agent_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

-- agent-performance: exports_agent_performance
CREATE TABLE exports_agent_performance_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workshift_start_ms BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  agent_id BIGINT NOT NULL,
  workshift_id VARCHAR(64) NOT NULL,
  login_event_id VARCHAR(128) NOT NULL,
  account_id BIGINT NOT NULL,
  live BOOLEAN NOT NULL,
  restated BOOLEAN NOT NULL,
  batch_id BIGINT NOT NULL,
  clock VARCHAR(128) NULL,
  seq BIGINT NULL,
  UNIQUE KEY uq_exports_agent_performance_change (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id, account_id),
  INDEX ix_exports_agent_performance_change_batch (batch_id),
  INDEX ix_exports_agent_performance_change_seq (clock, seq, id),
  INDEX ix_exports_agent_performance_change_account (account_id, clock, seq, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER exports_agent_performance_inserted AFTER INSERT ON exports_agent_performance FOR EACH ROW
  INSERT INTO exports_agent_performance_change (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id, account_id, live, restated, batch_id, seq)
  VALUES (NEW.workshift_start_ms, NEW.campaign_id, NEW.agent_id, NEW.workshift_id, NEW.login_event_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_agent_performance_updated AFTER UPDATE ON exports_agent_performance FOR EACH ROW
  INSERT INTO exports_agent_performance_change (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id, account_id, live, restated, batch_id, seq)
  SELECT NEW.workshift_start_ms, NEW.campaign_id, NEW.agent_id, NEW.workshift_id, NEW.login_event_id, NEW.account_id, TRUE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.workshift_start_ms <=> NEW.workshift_start_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.workshift_id <=> NEW.workshift_id AND OLD.login_event_id <=> NEW.login_event_id AND OLD.account_id <=> NEW.account_id AND OLD.workshift_end_ms <=> NEW.workshift_end_ms AND OLD.num_chats <=> NEW.num_chats AND OLD.num_breaks <=> NEW.num_breaks AND OLD.num_ignored <=> NEW.num_ignored AND OLD.num_abandoned <=> NEW.num_abandoned AND OLD.avg_concurrency <=> NEW.avg_concurrency AND OLD.first_response_ms <=> NEW.first_response_ms AND OLD.open_ms <=> NEW.open_ms AND OLD.online_ms <=> NEW.online_ms AND OLD.available_ms <=> NEW.available_ms AND OLD.idle_ms <=> NEW.idle_ms AND OLD.survey_good <=> NEW.survey_good AND OLD.survey_bad <=> NEW.survey_bad AND OLD.survey_moderate <=> NEW.survey_moderate)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = TRUE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_agent_performance_moved AFTER UPDATE ON exports_agent_performance FOR EACH ROW
  INSERT INTO exports_agent_performance_change (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id, account_id, live, restated, batch_id, seq)
  SELECT OLD.workshift_start_ms, OLD.campaign_id, OLD.agent_id, OLD.workshift_id, OLD.login_event_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL FROM DUAL
  WHERE NOT (OLD.workshift_start_ms <=> NEW.workshift_start_ms AND OLD.campaign_id <=> NEW.campaign_id AND OLD.agent_id <=> NEW.agent_id AND OLD.workshift_id <=> NEW.workshift_id AND OLD.login_event_id <=> NEW.login_event_id AND OLD.account_id <=> NEW.account_id)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

CREATE TRIGGER exports_agent_performance_deleted AFTER DELETE ON exports_agent_performance FOR EACH ROW
  INSERT INTO exports_agent_performance_change (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id, account_id, live, restated, batch_id, seq)
  VALUES (OLD.workshift_start_ms, OLD.campaign_id, OLD.agent_id, OLD.workshift_id, OLD.login_event_id, OLD.account_id, FALSE, FALSE, @exports_feed_batch, NULL)
  ON DUPLICATE KEY UPDATE restated = IF(batch_id <> @exports_feed_batch, live, restated), live = FALSE,
    batch_id = @exports_feed_batch, seq = NULL;

-- Rows that print a directory value are restated when it changes: the names and types joined
-- when read (ConversationStore, ReceiptStore, AgentPerformanceStore).
CREATE TRIGGER exports_entry_point_restates_conversations AFTER UPDATE ON exports_entry_point FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.entry_point_id = NEW.entry_point_id AND NOT (OLD.name <=> NEW.name AND OLD.type <=> NEW.type);

CREATE TRIGGER exports_entry_point_restates_receipts AFTER UPDATE ON exports_entry_point FOR EACH ROW
  UPDATE exports_receipt_change ch JOIN exports_receipt s ON s.received_at_ms = ch.received_at_ms AND s.campaign_id = ch.campaign_id AND s.agent_id = ch.agent_id AND s.assignment_event_id = ch.assignment_event_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.entry_point_id = NEW.entry_point_id AND NOT (OLD.type <=> NEW.type);

CREATE TRIGGER exports_campaign_restates_performance AFTER UPDATE ON exports_campaign FOR EACH ROW
  UPDATE exports_agent_performance_change ch JOIN exports_agent_performance s ON s.workshift_start_ms = ch.workshift_start_ms AND s.campaign_id = ch.campaign_id AND s.agent_id = ch.agent_id AND s.workshift_id = ch.workshift_id AND s.login_event_id = ch.login_event_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.campaign_id = NEW.campaign_id AND NOT (OLD.name <=> NEW.name);

CREATE TRIGGER exports_agent_restates_conversations AFTER UPDATE ON exports_agent FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id JOIN exports_conversation_agent a ON a.session_id = s.session_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE a.agent_id = NEW.agent_id AND (s.first_agent_id = NEW.agent_id OR s.last_agent_id = NEW.agent_id)
    AND NOT (OLD.account_id <=> NEW.account_id AND (OLD.username IS NULL) <=> (NEW.username IS NULL));

CREATE TRIGGER exports_agent_joins_conversations AFTER INSERT ON exports_agent FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id JOIN exports_conversation_agent a ON a.session_id = s.session_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE a.agent_id = NEW.agent_id AND (s.first_agent_id = NEW.agent_id OR s.last_agent_id = NEW.agent_id);

CREATE TRIGGER exports_account_restates_conversations AFTER UPDATE ON exports_account FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id JOIN exports_conversation_agent a ON a.session_id = s.session_id JOIN exports_agent g ON g.agent_id = a.agent_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE g.account_id = NEW.account_id AND (s.first_agent_id = g.agent_id OR s.last_agent_id = g.agent_id)
    AND NOT (OLD.name <=> NEW.name);

CREATE TRIGGER exports_account_joins_conversations AFTER INSERT ON exports_account FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id JOIN exports_conversation_agent a ON a.session_id = s.session_id JOIN exports_agent g ON g.agent_id = a.agent_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE g.account_id = NEW.account_id AND (s.first_agent_id = g.agent_id OR s.last_agent_id = g.agent_id);

CREATE TRIGGER exports_entry_point_joins_conversations AFTER INSERT ON exports_entry_point FOR EACH ROW
  UPDATE exports_conversation_change ch JOIN exports_conversation s ON s.started_at_ms = ch.started_at_ms AND s.campaign_id = ch.campaign_id AND s.session_id = ch.session_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.entry_point_id = NEW.entry_point_id;

CREATE TRIGGER exports_entry_point_joins_receipts AFTER INSERT ON exports_entry_point FOR EACH ROW
  UPDATE exports_receipt_change ch JOIN exports_receipt s ON s.received_at_ms = ch.received_at_ms AND s.campaign_id = ch.campaign_id AND s.agent_id = ch.agent_id AND s.assignment_event_id = ch.assignment_event_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.entry_point_id = NEW.entry_point_id;

CREATE TRIGGER exports_campaign_joins_performance AFTER INSERT ON exports_campaign FOR EACH ROW
  UPDATE exports_agent_performance_change ch JOIN exports_agent_performance s ON s.workshift_start_ms = ch.workshift_start_ms AND s.campaign_id = ch.campaign_id AND s.agent_id = ch.agent_id AND s.workshift_id = ch.workshift_id AND s.login_event_id = ch.login_event_id AND s.account_id = ch.account_id
  SET ch.restated = IF(ch.batch_id <> @exports_feed_batch, ch.live, ch.restated), ch.batch_id = @exports_feed_batch, ch.seq = NULL
  WHERE s.campaign_id = NEW.campaign_id;
