-- Values that must be unique among a facility's live documents of one collection (a patient's
-- CCCD and patient code, a staff username): one row per value, so that the server finds the
-- holder with an index lookup and two pushes committing at once cannot both take a value.
CREATE TABLE sync_unique_values (
  collection  text NOT NULL,
  scope       text NOT NULL,
  field       text NOT NULL,
  value       text NOT NULL,
  document_id text NOT NULL,
  PRIMARY KEY (collection, scope, field, value)
);
CREATE INDEX sync_unique_values_document ON sync_unique_values (collection, document_id);

INSERT INTO sync_unique_values (collection, scope, field, value, document_id)
SELECT d.collection, d.scope, f.field, d.body->>f.field, d.id
FROM sync_documents d
JOIN (VALUES ('patients', 'cccd'), ('patients', 'patientCode'), ('staff', 'username')) AS f (collection, field)
  ON f.collection = d.collection
WHERE NOT d.deleted AND coalesce(d.body->>f.field, '') <> ''
ORDER BY d.seq
ON CONFLICT DO NOTHING;
