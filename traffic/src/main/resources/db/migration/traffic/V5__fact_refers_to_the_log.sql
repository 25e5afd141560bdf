-- One stored copy of each event (issue 17, decision 40): the event log keeps the envelope, and
-- traffic_fact refers to the log's row instead of keeping a second copy of it: its seq, the primary
-- key, is now the log's seq of the event rather than an insert sequence of its own. Clustered on
-- it, facts stay in log order (appended, as before), and an index by entity holds the key that
-- reaches the event in the log. Dropping the envelope loses nothing: both copies were written from
-- the same text. (On a large table the UPDATE is one transaction: on Galera, run it in a quiet
-- hour.)
ALTER TABLE traffic_fact ADD COLUMN log_seq BIGINT NULL;
UPDATE traffic_fact f JOIN campaigns_event_log l ON l.event_id = f.event_id SET f.log_seq = l.seq;
ALTER TABLE traffic_fact DROP PRIMARY KEY, DROP COLUMN seq, DROP COLUMN envelope;
ALTER TABLE traffic_fact CHANGE COLUMN log_seq seq BIGINT NOT NULL FIRST, ADD PRIMARY KEY (seq);
