-- One stored copy of each event (issue 17, decision 40): the event log keeps the envelope, and
-- agents_fact refers to the log's row by event_id (the log's unique key) instead of keeping a second
-- copy of it. Dropping the column loses nothing: both copies were written from the same text.
ALTER TABLE agents_fact DROP COLUMN envelope;
