-- Fleet health: when each PC last pulled and pushed (the server's clock), and what it last
-- reported with a sync request (shared/sync/device-report.ts). Written at most once a minute
-- per PC and kind unless the report changes (server/fleet/device-activity.ts).
ALTER TABLE devices ADD COLUMN last_pull_at timestamptz;
ALTER TABLE devices ADD COLUMN last_push_at timestamptz;
-- An open live stream is contact too: an idle PC that is online pulls nothing for hours.
ALTER TABLE devices ADD COLUMN last_stream_at timestamptz;
ALTER TABLE devices ADD COLUMN app_version text;
ALTER TABLE devices ADD COLUMN outbox_backlog integer;
ALTER TABLE devices ADD COLUMN audit_backlog integer;
ALTER TABLE devices ADD COLUMN quarantined integer;
ALTER TABLE devices ADD COLUMN first_sync_done integer;
ALTER TABLE devices ADD COLUMN first_sync_total integer;
ALTER TABLE devices ADD COLUMN reported_at timestamptz;
-- The last time the PC was heard from (enrollment until its first sync): what ok / late /
-- silent is measured on, kept as a column so that the fleet list filters and sorts on an index.
ALTER TABLE devices ADD COLUMN last_contact_at timestamptz
  GENERATED ALWAYS AS (coalesce(greatest(last_pull_at, last_push_at, last_stream_at), created_at)) STORED;
CREATE INDEX devices_by_contact ON devices (last_contact_at, id);
CREATE INDEX devices_by_name ON devices (name, id);
CREATE INDEX devices_by_facility ON devices (facility_code, name, id);

-- How a conflict was resolved, by whom and why: `settled` by a later edit of the field,
-- `restored` (the losing value made the master's) or `dismissed` by a sync admin.
ALTER TABLE sync_conflicts ADD COLUMN resolution text
  CHECK (resolution IS NULL OR resolution IN ('settled', 'restored', 'dismissed'));
ALTER TABLE sync_conflicts ADD COLUMN resolved_by text;
ALTER TABLE sync_conflicts ADD COLUMN resolution_note text;
UPDATE sync_conflicts SET resolution = 'settled' WHERE resolved_at IS NOT NULL;
-- The admin's list pages over documents with open conflicts, by facility.
CREATE INDEX sync_conflicts_open_documents ON sync_conflicts (scope, collection, document_id)
  WHERE resolved_at IS NULL;

-- An audit alert acknowledged by an admin, with a note, leaves the open list.
ALTER TABLE audit_alerts ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE audit_alerts ADD COLUMN acknowledged_by text;
ALTER TABLE audit_alerts ADD COLUMN acknowledgement_note text;
CREATE INDEX audit_alerts_open ON audit_alerts (facility_code, detected_at) WHERE acknowledged_at IS NULL;
