-- The report stores (decision 30): each report reads rows kept for it, in typed columns, keyed in
-- the report's order and, for the accounts' own reads, by the account that owns the rows (the
-- campaign's account; 0 while the campaign is not known, which only an operator's unrestricted
-- view shows). Everything here is derived from the event log and kept current in the ingesting
-- transaction; POST /api/operations/rebuild derives it again. The earlier tables held the
-- Conversations figures as text and the traffic counts without their account: they are replaced,
-- and a database upgraded from them is filled by one rebuild (README "Deploy").
DROP TABLE exports_conversation;
DROP TABLE exports_receipt;
DROP TABLE exports_traffic_quarter;

-- The directory: the entities as of now. The latest *.updated of each wins, field by field as sent
-- (EVENTS.md); *_at_ms and *_by (the event's id) say which update set a value, so that updates
-- arriving in any order give the same row.
CREATE TABLE exports_account (
  account_id    BIGINT       NOT NULL PRIMARY KEY,
  name          TEXT         NOT NULL,
  updated_at_ms BIGINT       NOT NULL,
  updated_by    VARCHAR(128) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exports_campaign (
  campaign_id   BIGINT       NOT NULL PRIMARY KEY,
  account_id    BIGINT       NOT NULL,
  name          TEXT         NOT NULL,
  updated_at_ms BIGINT       NOT NULL,
  updated_by    VARCHAR(128) NOT NULL,
  INDEX ix_exports_campaign_account (account_id, campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exports_entry_point (
  entry_point_id BIGINT       NOT NULL PRIMARY KEY,
  campaign_id    BIGINT       NOT NULL,
  name           TEXT         NOT NULL,
  type           VARCHAR(8)   NOT NULL,
  updated_at_ms  BIGINT       NOT NULL,
  updated_by     VARCHAR(128) NOT NULL,
  INDEX ix_exports_entry_point_campaign (campaign_id, entry_point_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- shared_name: the SHA-256 (hex) of the host name lower-cased without a leading www., the name
-- hosts of several accounts share (Hosts report, multiple_acc_id).
CREATE TABLE exports_host (
  host_id       BIGINT       NOT NULL PRIMARY KEY,
  account_id    BIGINT       NOT NULL,
  hostname      TEXT         NOT NULL,
  shared_name   CHAR(64)     NOT NULL,
  updated_at_ms BIGINT       NOT NULL,
  updated_by    VARCHAR(128) NOT NULL,
  INDEX ix_exports_host_account (account_id, host_id),
  INDEX ix_exports_host_shared_name (shared_name, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An agent known only from agent.deleted has no profile yet (username NULL) and is in no report.
CREATE TABLE exports_agent (
  agent_id        BIGINT       NOT NULL PRIMARY KEY,
  account_id      BIGINT       NULL,
  username        TEXT         NULL,
  updated_at_ms   BIGINT       NULL,
  updated_by      VARCHAR(128) NULL,
  firstname       TEXT         NULL,
  firstname_at_ms BIGINT       NULL,
  firstname_by    VARCHAR(128) NULL,
  lastname        TEXT         NULL,
  lastname_at_ms  BIGINT       NULL,
  lastname_by     VARCHAR(128) NULL,
  email           TEXT         NULL,
  email_at_ms     BIGINT       NULL,
  email_by        VARCHAR(128) NULL,
  max_chats       INT          NULL,
  max_chats_at_ms BIGINT       NULL,
  max_chats_by    VARCHAR(128) NULL,
  deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
  INDEX ix_exports_agent_account (account_id, agent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Conversations: one row per conversation with the figures its own events settle (SessionFigures);
-- the directory's cells are joined when read. Clustered in the report's order, so an operator's
-- export of a range reads the table in sequence; an account's export reads its index in the same
-- order. involved_agent_ids ("12,7,30") and exports_conversation_agent keep who took part, for the
-- handling type, which is kept here and restated when an agent's or a campaign's account changes.
CREATE TABLE exports_conversation (
  session_id               VARCHAR(64)   NOT NULL,
  campaign_id              BIGINT        NOT NULL,
  account_id               BIGINT        NOT NULL,
  started_at_ms            BIGINT        NOT NULL,
  entry_point_id           BIGINT        NOT NULL,
  first_agent_id           BIGINT        NULL,
  last_agent_id            BIGINT        NULL,
  involved_agent_ids       TEXT          NOT NULL,
  visitor_id               VARCHAR(64)   NOT NULL,
  host_id                  BIGINT        NULL,
  num_messages             INT           NOT NULL,
  duration_total_ms        BIGINT        NULL,
  duration_conversation_ms BIGINT        NOT NULL,
  duration_afterclose_ms   BIGINT        NULL,
  avg_message_length       DECIMAL(16,2) NOT NULL,
  max_message_length       INT           NOT NULL,
  first_response_ms        BIGINT        NULL,
  first_reply_ms           BIGINT        NULL,
  avg_response_s           DECIMAL(20,2) NULL,
  max_response_ms          BIGINT        NULL,
  decision_ms              BIGINT        NULL,
  accept_url               TEXT          NULL,
  successcode              TEXT          NULL,
  survey_result            VARCHAR(8)    NULL,
  survey_comment           TEXT          NULL,
  visitor_identifier       TEXT          NOT NULL,
  blocked                  BOOLEAN       NOT NULL,
  block_reason             TEXT          NULL,
  goals                    TEXT          NULL,
  total_goal_value         DECIMAL(16,2) NULL,
  handling_type            VARCHAR(8)    NULL,
  PRIMARY KEY (started_at_ms, campaign_id, session_id),
  CONSTRAINT uq_exports_conversation_session UNIQUE (session_id),
  INDEX ix_exports_conversation_account (account_id, started_at_ms, campaign_id, session_id),
  INDEX ix_exports_conversation_campaign (campaign_id, started_at_ms, session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exports_conversation_agent (
  agent_id   BIGINT      NOT NULL,
  session_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (agent_id, session_id),
  INDEX ix_exports_conversation_agent_session (session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Receipts (REPORTS.md "Derived timelines"): the Slots report's rows, and what Agent performance
-- reads of conversations. Replaced with their session's conversation row; state is the agent's
-- presence in the campaign at t_recv, restated when a late presence change moves it.
CREATE TABLE exports_receipt (
  received_at_ms           BIGINT       NOT NULL,
  campaign_id              BIGINT       NOT NULL,
  agent_id                 BIGINT       NOT NULL,
  assignment_event_id      VARCHAR(128) NOT NULL,
  account_id               BIGINT       NOT NULL,
  session_id               VARCHAR(64)  NOT NULL,
  entry_point_id           BIGINT       NOT NULL,
  released_at_ms           BIGINT       NULL,
  state                    VARCHAR(8)   NOT NULL,
  first_visitor_message_ms BIGINT       NULL,
  first_agent_message_ms   BIGINT       NULL,
  last_of_session          BOOLEAN      NOT NULL,
  survey_result            VARCHAR(8)   NULL,
  PRIMARY KEY (received_at_ms, campaign_id, agent_id, assignment_event_id),
  INDEX ix_exports_receipt_account (account_id, received_at_ms, campaign_id, agent_id, assignment_event_id),
  INDEX ix_exports_receipt_session (session_id),
  INDEX ix_exports_receipt_agent (agent_id, received_at_ms),
  INDEX ix_exports_receipt_agent_open (agent_id, released_at_ms),
  INDEX ix_exports_receipt_pair (agent_id, campaign_id, received_at_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The longest closed receipt of each agent so far: the receipts holding a chat at some instant of
-- a work shift are those received at most this long before it starts, or still open.
CREATE TABLE exports_agent_longest_receipt (
  agent_id    BIGINT NOT NULL PRIMARY KEY,
  duration_ms BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Agent activity: every activity interval, from the presence change that starts it to the next
-- one of the pair (end_ms NULL while open). change_key names the starting change (its event id,
-- or the sign-off's event id and campaign), from which activity_id is derived. An interval's pair
-- has one change an instant, so (start, campaign, agent) is unique.
CREATE TABLE exports_presence (
  start_ms       BIGINT       NOT NULL,
  campaign_id    BIGINT       NOT NULL,
  agent_id       BIGINT       NOT NULL,
  account_id     BIGINT       NOT NULL,
  state          VARCHAR(8)   NOT NULL,
  end_ms         BIGINT       NULL,
  start_event_id VARCHAR(128) NOT NULL,
  change_key     VARCHAR(160) NOT NULL,
  PRIMARY KEY (start_ms, campaign_id, agent_id),
  INDEX ix_exports_presence_account (account_id, start_ms, campaign_id, agent_id),
  INDEX ix_exports_presence_pair (agent_id, campaign_id, start_ms),
  INDEX ix_exports_presence_agent (agent_id, start_ms),
  INDEX ix_exports_presence_account_pair (account_id, agent_id, campaign_id, start_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Work shifts of every agent, open (end_at_ms NULL) or closed: where a late login or logout
-- starts the derivation again.
CREATE TABLE exports_work_shift (
  agent_id       BIGINT       NOT NULL,
  login_at_ms    BIGINT       NOT NULL,
  login_event_id VARCHAR(128) NOT NULL,
  workshift_id   VARCHAR(64)  NOT NULL,
  end_at_ms      BIGINT       NULL,
  PRIMARY KEY (agent_id, login_at_ms, login_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Agent performance: the rows of every closed work shift, one per campaign, computed when the shift
-- closes and again whenever a presence change, receipt, survey or capacity it depends on changes.
CREATE TABLE exports_agent_performance (
  workshift_start_ms BIGINT        NOT NULL,
  campaign_id        BIGINT        NOT NULL,
  agent_id           BIGINT        NOT NULL,
  workshift_id       VARCHAR(64)   NOT NULL,
  login_event_id     VARCHAR(128)  NOT NULL,
  account_id         BIGINT        NOT NULL,
  workshift_end_ms   BIGINT        NOT NULL,
  num_chats          INT           NOT NULL,
  num_breaks         INT           NOT NULL,
  num_ignored        INT           NOT NULL,
  num_abandoned      INT           NOT NULL,
  avg_concurrency    DECIMAL(12,2) NOT NULL,
  first_response_ms  BIGINT        NOT NULL,
  open_ms            BIGINT        NOT NULL,
  online_ms          BIGINT        NOT NULL,
  available_ms       BIGINT        NOT NULL,
  idle_ms            BIGINT        NOT NULL,
  survey_good        INT           NOT NULL,
  survey_bad         INT           NOT NULL,
  survey_moderate    INT           NOT NULL,
  PRIMARY KEY (workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id),
  INDEX ix_exports_agent_performance_account
    (account_id, workshift_start_ms, campaign_id, agent_id, workshift_id, login_event_id),
  INDEX ix_exports_agent_performance_shift (agent_id, workshift_start_ms, login_event_id),
  INDEX ix_exports_agent_performance_campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Traffic and invite outcomes counted per entry point and UTC quarter hour (decision 17), chats
-- included, under the entry point's campaign and its account (NULL and 0 while not known).
CREATE TABLE exports_traffic_quarter (
  quarter_start_ms        BIGINT NOT NULL,
  entry_point_id          BIGINT NOT NULL,
  campaign_id             BIGINT NULL,
  account_id              BIGINT NOT NULL,
  visits                  BIGINT NOT NULL,
  views                   BIGINT NOT NULL,
  clicks                  BIGINT NOT NULL,
  chats                   BIGINT NOT NULL,
  invites_matched         BIGINT NOT NULL,
  invites_shown           BIGINT NOT NULL,
  invites_accepted        BIGINT NOT NULL,
  invites_declined        BIGINT NOT NULL,
  invites_cancelled       BIGINT NOT NULL,
  invites_no_availability BIGINT NOT NULL,
  invites_expired         BIGINT NOT NULL,
  invites_ignored         BIGINT NOT NULL,
  PRIMARY KEY (quarter_start_ms, entry_point_id),
  INDEX ix_exports_traffic_quarter_account (account_id, quarter_start_ms, entry_point_id),
  INDEX ix_exports_traffic_quarter_entry_point (entry_point_id, quarter_start_ms),
  INDEX ix_exports_traffic_quarter_campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
