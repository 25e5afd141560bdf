-- People who sign in to the console, and API tokens. Secrets are stored only as hashes.
CREATE TABLE campaigns_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(190) NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  account_id    BIGINT       NULL,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT uq_campaigns_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE campaigns_api_token (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  label       VARCHAR(190) NOT NULL,
  secret_hash CHAR(64)     NOT NULL,
  roles       VARCHAR(64)  NOT NULL,
  account_id  BIGINT       NULL,
  created_at  DATETIME(3)  NOT NULL,
  revoked_at  DATETIME(3)  NULL,
  CONSTRAINT uq_campaigns_api_token_hash UNIQUE (secret_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
