-- Values that lost a merge: both sides changed a field, the master value stayed. Kept until a
-- sync admin resolves them, so that no edit is ever lost silently.
CREATE TABLE sync_conflicts (
  id            uuid PRIMARY KEY,
  collection    text NOT NULL,
  document_id   text NOT NULL,
  scope         text NOT NULL REFERENCES sync_scopes (scope),
  field         text NOT NULL,
  master_value  jsonb,
  losing_value  jsonb,
  device_id     uuid REFERENCES devices (id),
  -- The losing edit's own time and author as the device recorded them: data, not ordering.
  client_time   text,
  author        jsonb,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at   timestamptz
);
-- A retried push re-derives the same conflict: record it once.
CREATE UNIQUE INDEX sync_conflicts_once ON sync_conflicts
  (collection, document_id, field, device_id, md5(coalesce(master_value::text, '')), md5(coalesce(losing_value::text, '')));
CREATE INDEX sync_conflicts_by_scope ON sync_conflicts (scope, recorded_at);
