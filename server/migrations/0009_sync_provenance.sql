-- The sync envelope of each stored version, beside its body (never in it): the revisions of the
-- versions it was made on, newest first (a push naming the master's revision there is a
-- fast-forward), and the signature of its author or of the server. Documents stored before
-- carry neither.
ALTER TABLE sync_documents ADD COLUMN lineage text[] NOT NULL DEFAULT '{}';
ALTER TABLE sync_documents ADD COLUMN signature jsonb;
