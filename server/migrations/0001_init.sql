-- Server identity: the epoch names this database's history. A restore from backup gets a new
-- epoch so that clients holding newer checkpoints re-sync instead of skipping data.
CREATE TABLE server_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE provinces (
  code text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE facilities (
  code          text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  province_code text NOT NULL REFERENCES provinces (code),
  name          text NOT NULL
);

CREATE TABLE devices (
  id            uuid PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facilities (code),
  name          text NOT NULL,
  token_hash    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);

-- uses_left NULL means unlimited (the demo code); one-time codes have 1.
CREATE TABLE enrollment_codes (
  code_hash     text PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facilities (code),
  uses_left     integer CHECK (uses_left IS NULL OR uses_left >= 0),
  expires_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- One change counter per scope (a facility). A push takes its row lock last, so sequence
-- numbers are handed out in commit order and a pull never skips a row that commits later.
CREATE TABLE sync_scopes (
  scope    text PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0
);

-- Documents of every synced collection. The body is exactly what the client sent; ordering
-- and provenance live in columns, never in the body.
CREATE TABLE sync_documents (
  collection        text NOT NULL,
  id                text NOT NULL,
  scope             text NOT NULL REFERENCES sync_scopes (scope),
  body              jsonb NOT NULL,
  deleted           boolean NOT NULL DEFAULT false,
  seq               bigint NOT NULL,
  pushed_by_device  uuid REFERENCES devices (id),
  received_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE INDEX sync_documents_pull ON sync_documents (scope, collection, seq);
