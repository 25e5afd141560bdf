-- The log keeps each event's id, type and time in its columns already; its text kept them a second
-- time ({"id":...,"type":...,"at":...,"data":{...}}), about 120 of the 200 characters of a
-- simulator event (decision 42). Now it keeps the data alone. The stored text was written by one
-- writer, members in that order without spaces, and ids and types hold no quote, so the first
-- "data": starts the data and the last character closes the envelope. The UPDATE rewrites the
-- whole log in one transaction: on Galera, mind wsrep_max_ws_size (docs/deploy.md) and run it in a
-- quiet hour; stop every member of the old version first (it writes the column dropped here).
ALTER TABLE campaigns_event_log ADD COLUMN data LONGTEXT NULL AFTER at_ms;
UPDATE campaigns_event_log
  SET data = SUBSTRING(envelope, LOCATE('"data":', envelope) + 7,
                       CHAR_LENGTH(envelope) - LOCATE('"data":', envelope) - 7);
ALTER TABLE campaigns_event_log DROP COLUMN envelope, MODIFY data LONGTEXT NOT NULL;
