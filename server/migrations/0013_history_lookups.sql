-- Lookups of a patient's records at the province's other facilities (server/history): who asked,
-- from which PC, why, and which records were returned, or why the lookup was refused. A request
-- id is used once (the signed request cannot be replayed). Break-glass lookups are the alerts
-- the sync admin lists.
CREATE TABLE history_lookups (
  id            uuid PRIMARY KEY,
  device_id     uuid NOT NULL REFERENCES devices (id),
  facility_code text NOT NULL,
  staff_id      text NOT NULL,
  username      text NOT NULL,
  purpose       text NOT NULL,
  emergency     boolean NOT NULL,
  reason        text NOT NULL,
  cccd          text NOT NULL,
  bhyt          text NOT NULL,
  client_at     text NOT NULL,
  -- 'shown', or the refusal (not-permitted, patient-not-here)
  outcome       text NOT NULL,
  -- The ids returned, by collection: {"encounters": ["…"], …}
  returned      jsonb NOT NULL DEFAULT '{}',
  asked_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_lookups_recent ON history_lookups (asked_at);

-- What became of each repeat-test warning a doctor saw (ordered anyway, or avoided), as the
-- facility's PCs report it; counted per facility for the province. Idempotent by id.
CREATE TABLE repeat_test_reports (
  id                    uuid PRIMARY KEY,
  facility_code         text NOT NULL,
  device_id             uuid NOT NULL REFERENCES devices (id),
  test_code             text NOT NULL,
  outcome               text NOT NULL CHECK (outcome IN ('ordered', 'avoided')),
  source                text NOT NULL CHECK (source IN ('local', 'foreign')),
  earlier_facility_code text NOT NULL,
  client_at             text NOT NULL,
  received_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repeat_test_reports_facility ON repeat_test_reports (facility_code);

-- A lookup finds a patient by CCCD or BHYT and their records by patient id, across facilities.
CREATE INDEX sync_documents_cccd ON sync_documents ((body->>'cccd')) WHERE collection = 'patients';
CREATE INDEX sync_documents_bhyt ON sync_documents ((body->>'bhyt')) WHERE collection = 'patients';
CREATE INDEX sync_documents_patient ON sync_documents (collection, (body->>'patientId'));
