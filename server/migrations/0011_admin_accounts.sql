-- Named accounts of the people who run the province's sync (issue 13): the shared
-- SEN_ADMIN_TOKEN only creates them. Accounts are deactivated, never deleted, so the audit
-- trail keeps naming who did what.
CREATE TABLE admin_accounts (
  id              uuid PRIMARY KEY,
  username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
  display_name    text NOT NULL,
  role            text NOT NULL CHECK (role IN ('province-admin', 'sync-admin')),
  password        jsonb NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Sessions are opaque tokens stored by their hash: a copy of this table signs nobody in.
CREATE TABLE admin_sessions (
  token_hash   text PRIMARY KEY,
  admin_id     uuid NOT NULL REFERENCES admin_accounts (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  ended_at     timestamptz
);
CREATE INDEX admin_sessions_by_admin ON admin_sessions (admin_id);

-- Every admin action that changes something, with the admin's name as it was then.
CREATE TABLE admin_audit (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  admin_id   uuid REFERENCES admin_accounts (id),
  admin_name text NOT NULL,
  action     text NOT NULL,
  target     text,
  detail     jsonb
);

-- Facilities get a level (Law on Medical Examination and Treatment 2023: ban đầu, cơ bản,
-- chuyên sâu), a ward, and are deactivated rather than deleted.
ALTER TABLE facilities ADD COLUMN level text CHECK (level IN ('ban-dau', 'co-ban', 'chuyen-sau'));
ALTER TABLE facilities ADD COLUMN ward_code text;
ALTER TABLE facilities ADD COLUMN deactivated_at timestamptz;
