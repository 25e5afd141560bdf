-- What the reports other than Conversations read instead of every stored fact (decision 17).

-- The receipts of every conversation (REPORTS.md "Derived timelines"), replaced with their
-- session's Conversations row in the ingesting transaction. Slots and Agent performance find the
-- sessions they need here (received in a range, or holding a chat during a work shift) and read
-- only those sessions' facts. released_at_ms is NULL while the receipt is open.
CREATE TABLE exports_receipt (
  session_id      VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  position        INT          NOT NULL,
  agent_id        BIGINT       NOT NULL,
  campaign_id     BIGINT       NOT NULL,
  received_at_ms  BIGINT       NOT NULL,
  released_at_ms  BIGINT       NULL,
  PRIMARY KEY (session_id, position),
  INDEX ix_exports_receipt_received (received_at_ms),
  INDEX ix_exports_receipt_released (released_at_ms, received_at_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Traffic and invite outcomes counted per entry point and quarter hour (UTC). Every zone in use
-- today shifts by whole quarter hours at whole quarter hours, so a quarter lies inside one local
-- clock hour and the hour buckets of any such zone are sums of quarters. Counts are added in the
-- ingesting transaction, once per accepted event (the log turns duplicates away before).
CREATE TABLE exports_traffic_quarter (
  quarter_start_ms            BIGINT NOT NULL,
  entry_point_id              BIGINT NOT NULL,
  visits                      BIGINT NOT NULL,
  views                       BIGINT NOT NULL,
  clicks                      BIGINT NOT NULL,
  invites_matched             BIGINT NOT NULL,
  invites_shown               BIGINT NOT NULL,
  invites_accepted            BIGINT NOT NULL,
  invites_declined            BIGINT NOT NULL,
  invites_cancelled           BIGINT NOT NULL,
  invites_no_availability     BIGINT NOT NULL,
  invites_expired             BIGINT NOT NULL,
  invites_ignored             BIGINT NOT NULL,
  PRIMARY KEY (quarter_start_ms, entry_point_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
