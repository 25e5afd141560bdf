-- agents_fact was clustered on event_id: ids arrive in no useful order (a platform's UUIDs, or the
-- simulator's interleaved counters), so every insert landed inside the B-tree, split pages half
-- full and, once the table outgrew the buffer pool, read pages from disk. Clustered on an
-- insert sequence, rows are appended. No query reads a fact by event_id (FactTable reads all
-- rows, by type or by entity key) and the event log's unique key already keeps each event once,
-- so event_id keeps no index here (decision 18, docs/benchmarks.md "Ingest throughput").
ALTER TABLE agents_fact
  DROP PRIMARY KEY,
  ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT FIRST,
  ADD PRIMARY KEY (seq);
