-- The audit trail each device sends: append-only, one hash chain per device. The server keeps
-- every entry it receives, marks those that break the chain, and records an alert for each break.
CREATE TABLE audit_entries (
  device_id     uuid NOT NULL REFERENCES devices (id),
  seq           bigint NOT NULL,
  id            text NOT NULL UNIQUE,
  facility_code text NOT NULL,
  at            text NOT NULL,
  user_id       text NOT NULL,
  username      text NOT NULL,
  action        text NOT NULL,
  patient_id    text NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  chain_ok      boolean NOT NULL,
  -- The PC sent a tombstone for it: someone deleted it there.
  deleted_on_device boolean NOT NULL DEFAULT false,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX audit_entries_patient ON audit_entries (patient_id, received_at);

CREATE TABLE audit_chain_heads (
  device_id uuid PRIMARY KEY REFERENCES devices (id),
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE TABLE audit_alerts (
  id            uuid PRIMARY KEY,
  device_id     uuid NOT NULL REFERENCES devices (id),
  facility_code text NOT NULL,
  kind          text NOT NULL,
  seq           bigint NOT NULL,
  details       jsonb NOT NULL DEFAULT '{}',
  detected_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_alerts_recent ON audit_alerts (detected_at);
