-- The dashboard's chats per hour of day count a month of conversations from an index holding each
-- one's start and entry point, not from the rows (decision 39): the account's index gains the
-- entry point, and a caller of every account reads the start's.
ALTER TABLE exports_conversation
  DROP INDEX ix_exports_conversation_account,
  ADD INDEX ix_exports_conversation_account (account_id, started_at_ms, campaign_id, session_id, entry_point_id),
  ADD INDEX ix_exports_conversation_start_entry_point (started_at_ms, entry_point_id);
