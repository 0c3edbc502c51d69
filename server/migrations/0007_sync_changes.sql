-- Every change a facility's feed handed out, by its sequence number: what a device's checkpoint
-- names. A pull checks that the change its checkpoint names is still the one at that number, so
-- a database restored from a backup, even one that kept its epoch and took other PCs' writes
-- since, sends the device back to the start instead of letting it skip what lies behind its
-- checkpoint now.
CREATE TABLE sync_changes (
  scope     text NOT NULL,
  seq       bigint NOT NULL,
  change_id text NOT NULL,
  PRIMARY KEY (scope, seq)
);
ALTER TABLE sync_documents ADD COLUMN change_id text;
