-- A document may be addressed to more than one scope (a referral: the sending and the receiving
-- facility; a catalog entry: the province). Its body stays once in sync_documents; its place in
-- each scope's commit-ordered feed is a row here, numbered by that scope's counter, which a write
-- takes last, in scope order, and holds until commit. A device pulls one feed per collection, so
-- it sees each document once however many scopes it has.
CREATE TABLE sync_feed (
  scope      text NOT NULL REFERENCES sync_scopes (scope),
  collection text NOT NULL,
  id         text NOT NULL,
  seq        bigint NOT NULL,
  change_id  text NOT NULL,
  PRIMARY KEY (scope, collection, id)
);
CREATE INDEX sync_feed_pull ON sync_feed (scope, collection, seq);

INSERT INTO sync_feed (scope, collection, id, seq, change_id)
SELECT scope, collection, id, seq, coalesce(change_id, md5(collection || '/' || id || '/' || seq::text))
FROM sync_documents;

-- Every change id a feed handed out is still findable by its number.
INSERT INTO sync_changes (scope, seq, change_id)
SELECT scope, seq, change_id FROM sync_feed
ON CONFLICT (scope, seq) DO NOTHING;

-- The document keeps its home scope (the facility that created it): uniqueness and conflicts
-- are judged there. Order lives in the feed.
DROP INDEX sync_documents_pull;
ALTER TABLE sync_documents DROP COLUMN seq;
ALTER TABLE sync_documents DROP COLUMN change_id;

-- Each province has a feed of its own: what is province-wide (catalogs) is pulled from it.
INSERT INTO sync_scopes (scope) SELECT 'province:' || code FROM provinces ON CONFLICT (scope) DO NOTHING;
