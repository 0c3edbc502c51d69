-- The app's releases the province has registered from its updates folder (SEN_UPDATES_DIR):
-- the installer's name, size and sha512 as checked against the file at registration. The feed
-- a PC reads is written from these columns, never from the folder's latest.yml again, so a file
-- changed afterwards is refused by the PC's own check (server/updates/, shared/updates/).
CREATE TABLE update_releases (
  version        text PRIMARY KEY,
  file_name      text NOT NULL,
  sha512         text NOT NULL,
  size           bigint NOT NULL,
  release_date   text NOT NULL,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  registered_by  text NOT NULL,
  -- The last stage: every facility of the province, present and future.
  all_facilities boolean NOT NULL DEFAULT false,
  all_since      timestamptz
);

-- The staged rollout: the facilities a release is offered to before it reaches all. Rows are
-- only added (a stage widens); a release is withdrawn by staging a newer one.
CREATE TABLE update_rollout_facilities (
  version       text NOT NULL REFERENCES update_releases (version),
  facility_code text NOT NULL REFERENCES facilities (code),
  staged_at     timestamptz NOT NULL DEFAULT now(),
  staged_by     text NOT NULL,
  PRIMARY KEY (version, facility_code)
);
CREATE INDEX update_rollout_by_facility ON update_rollout_facilities (facility_code);
