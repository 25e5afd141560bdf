-- The log no longer stores each event's fingerprint (decision 43). A SHA-256 in hex is the least
-- compressible thing a row held: on 2,025,263 simulator events the compressed log took 319 MiB of
-- disk with it and 123 MiB without it. The duplicate check computes the fingerprint of a stored
-- event from its row (type, time, data) when its id arrives again, which only a resent event or a
-- reused id does.
--
-- In its place, what an operator (or a test) compares between members, backups or runs: a hash
-- of what the row stores, computed when read and never stored (VIRTUAL, not indexed). It is not
-- the ingest's ContentFingerprint, which hashes the data as a JSON value: this one hashes the
-- stored text. CHAR(10) rather than an escaped newline, so that the hash does not depend on the
-- session's NO_BACKSLASH_ESCAPES.
--
-- One statement, so that a failure leaves the table as it was. FORCE rebuilds the table so that
-- the space is given back (a plain DROP COLUMN is instant and leaves the old bytes in every row):
-- on a large log this takes a while and, as any DDL on Galera, runs on every member at once; see
-- docs/deploy.md.
ALTER TABLE campaigns_event_log
  DROP COLUMN fingerprint,
  ADD COLUMN fingerprint CHAR(64) AS (SHA2(CONCAT(type, CHAR(10), at_ms, CHAR(10), data), 256))
    VIRTUAL AFTER event_id,
  FORCE;
