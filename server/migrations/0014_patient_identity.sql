-- The province's master patient index (server/identity). Patient records are indexed as they
-- reach the province, incrementally: `identity_watermarks` keeps, per facility feed, the last
-- patients change indexed, and each catch-up reads only the feed after it (sync_feed_pull).

CREATE TABLE identity_watermarks (
  scope text PRIMARY KEY REFERENCES sync_scopes (scope),
  seq   bigint NOT NULL
);

-- The keys of each live patient record (shared/identity/identity-keys.ts): replaced whenever the
-- record changes, so a record matches on what it says now.
CREATE TABLE patient_identity_keys (
  patient_id    text NOT NULL,
  facility_code text NOT NULL,
  kind          text NOT NULL,
  value         text NOT NULL,
  PRIMARY KEY (patient_id, kind)
);
CREATE INDEX patient_identity_keys_value ON patient_identity_keys (kind, value);

-- Two records that may be one person, once per pair (first_id < second_id), with every rule that
-- matched. A pair is never proposed again once merged or dismissed: the row stays with its status.
CREATE TABLE duplicate_candidates (
  id              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  first_id        text NOT NULL,
  second_id       text NOT NULL,
  first_facility  text NOT NULL,
  second_facility text NOT NULL,
  rules           text[] NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
  found_at        timestamptz NOT NULL DEFAULT now(),
  decided_at      timestamptz,
  decided_by      text,
  note            text NOT NULL DEFAULT '',
  PRIMARY KEY (first_id, second_id),
  CHECK (first_id < second_id)
);
CREATE INDEX duplicate_candidates_open ON duplicate_candidates (id) WHERE status = 'open';
CREATE INDEX duplicate_candidates_first_facility ON duplicate_candidates (first_facility, id) WHERE status = 'open';
CREATE INDEX duplicate_candidates_second_facility ON duplicate_candidates (second_facility, id) WHERE status = 'open';

-- One person, many records: every member record (facility, patient id) stays as it is, and the
-- ids that are not the primary one are its aliases. A person absorbed by a later merge keeps its
-- row, pointing at the one it joined.
CREATE TABLE patient_persons (
  id                 uuid PRIMARY KEY,
  primary_patient_id text NOT NULL,
  merged_into        uuid REFERENCES patient_persons (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         text NOT NULL
);

CREATE TABLE patient_person_members (
  patient_id    text PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES patient_persons (id),
  facility_code text NOT NULL,
  joined_at     timestamptz NOT NULL DEFAULT now(),
  joined_by     text NOT NULL
);
CREATE INDEX patient_person_members_person ON patient_person_members (person_id);
