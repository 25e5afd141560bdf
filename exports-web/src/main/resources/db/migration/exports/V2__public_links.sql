-- Public links (issue 6): one account's report with fixed criteria, reachable without credentials
-- by the holder of its token. Only the token's SHA-256 is stored. Links are revoked, never
-- deleted, so that the list and the access log keep their history.
CREATE TABLE exports_public_link (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id   BIGINT       NOT NULL,
  report       VARCHAR(32)  NOT NULL,
  -- The export parameters as a JSON object of arrays: {"range":["last_7_days"],"tz":["UTC"]}
  criteria     TEXT         NOT NULL,
  label        VARCHAR(190) NULL,
  token_hash   CHAR(64)     NOT NULL,
  created_by   VARCHAR(190) NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  expires_at   DATETIME(3)  NULL,
  rotated_at   DATETIME(3)  NULL,
  revoked_at   DATETIME(3)  NULL,
  last_used_at DATETIME(3)  NULL,
  use_count    BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_exports_public_link_token UNIQUE (token_hash),
  INDEX ix_exports_public_link_account (account_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every request for a public link; link_id is NULL when the token named no link.
CREATE TABLE exports_public_link_access (
  id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  link_id        BIGINT      NULL,
  at             DATETIME(3) NOT NULL,
  outcome        VARCHAR(16) NOT NULL,
  client_address VARCHAR(64) NOT NULL,
  INDEX ix_exports_public_link_access_link (link_id, id),
  CONSTRAINT fk_exports_public_link_access_link FOREIGN KEY (link_id) REFERENCES exports_public_link (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
