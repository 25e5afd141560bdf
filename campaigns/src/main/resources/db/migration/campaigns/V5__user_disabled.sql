-- A console user an admin disabled: kept (their name stays taken, their links keep their creator)
-- but refused at sign-in until enabled again.
ALTER TABLE campaigns_user ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
