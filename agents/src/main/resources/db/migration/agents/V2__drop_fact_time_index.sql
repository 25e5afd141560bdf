-- No query reads agents_fact by time (FactTable reads all rows, by type or by entity key), yet
-- every insert paid for this index's random B-tree entry: dropped for ingest throughput
-- (docs/benchmarks.md, "Ingest throughput"). Add it back with the first query that needs it.
ALTER TABLE agents_fact DROP INDEX ix_agents_fact_at;
