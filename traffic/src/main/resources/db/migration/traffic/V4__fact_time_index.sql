-- Traffic and Automatic invites count from kept quarter hours; only a zone whose clock hours are
-- not whole quarters (old local mean times) counts from the events of the range themselves, read
-- by time here (decision 30). Facts arrive close to time order, so the index grows at its end.
CREATE INDEX ix_traffic_fact_at ON traffic_fact (at_ms);
