-- Every record that leaves the province through an export route: who asked (the admin
-- credential, until staff accounts sign in to the console), which patient or which day, how.
-- Append-only like the devices' audit trail: nothing updates or deletes these rows.
CREATE TABLE export_reads (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  route         text NOT NULL,
  format        text NOT NULL,
  patient_id    text NOT NULL DEFAULT '',
  facility_code text NOT NULL DEFAULT '',
  day           text NOT NULL DEFAULT '',
  outcome       text NOT NULL,
  remote_address text NOT NULL DEFAULT ''
);
CREATE INDEX export_reads_patient ON export_reads (patient_id, at);
