import { randomUUID } from 'node:crypto';
import type { SyncedDocument } from '../../shared/sync/protocol';
import type { ScopeName } from '../../shared/sync/scopes';
import type { SyncMeta } from '../../shared/sync/sync-meta';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import { staffChangedPayload } from '../auth/request-caches';
import { changesPayload, SYNC_CHANNEL } from '../sync/change-notifier';
import { claimUniqueValues } from './unique-values';

type Body = Record<string, unknown>;

export interface DocumentWrite {
  id: string;
  state: SyncedDocument<Body>;
  isNew: boolean;
  /** The scopes the document is addressed to, its home first (the registry's scope rule). */
  scopes: readonly ScopeName[];
  /** The version's lineage and signature, kept beside the body */
  meta: SyncMeta;
}

interface FeedEntry {
  scope: ScopeName;
  id: string;
  seq: number;
  changeId: string;
}

/**
 * Stores new master states of one collection's documents and gives each a place in the feed of
 * every scope it is addressed to, numbered by that scope's change counter; wakes the scopes'
 * sync streams once the transaction commits. Used by pushes and by the provincial admin API
 * alike, so both are pulled the same way.
 *
 * The counters are taken last and in scope order: each stays locked until commit, so within a
 * feed the numbers follow commit order (a pull never skips a row that commits later with a
 * smaller number), and two writes sharing scopes cannot deadlock on them.
 */
export async function writeDocuments(
  tx: SqlExecutor,
  collectionName: string,
  pushedByDevice: string | null,
  writes: DocumentWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  for (const [home, homeWrites] of groupBy(writes, (write) => write.scopes[0] ?? '')) {
    await claimUniqueValues(tx, collectionName, home, homeWrites);
  }
  await storeBodies(
    tx,
    collectionName,
    writes.filter((write) => write.isNew),
    pushedByDevice,
    'insert',
  );
  await storeBodies(
    tx,
    collectionName,
    writes.filter((write) => !write.isNew),
    pushedByDevice,
    'update',
  );

  const byScope = groupBy(
    writes.flatMap((write) => [...new Set(write.scopes)].map((scope) => ({ scope, write }))),
    (entry) => entry.scope,
  );
  const feed: FeedEntry[] = [];
  for (const scope of [...byScope.keys()].sort(compareText)) {
    const entries = byScope.get(scope) ?? [];
    const [counter] = await tx.query<{ last_seq: number }>(
      'UPDATE sync_scopes SET last_seq = last_seq + $2 WHERE scope = $1 RETURNING last_seq',
      [scope, entries.length],
    );
    if (!counter) throw new HttpError(403, 'out-of-scope', `No sync scope ${scope}.`, { scope });
    const first = counter.last_seq - entries.length + 1;
    // Each change gets an id of its own, named in the checkpoints of the devices that pull it.
    entries.forEach(({ write }, n) => feed.push({ scope, id: write.id, seq: first + n, changeId: randomUUID() }));
  }
  await tx.query(
    `INSERT INTO sync_feed (scope, collection, id, seq, change_id)
     SELECT t.scope, $1, t.id, t.seq, t.change_id
     FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[]) AS t (scope, id, seq, change_id)
     ON CONFLICT (scope, collection, id) DO UPDATE SET seq = excluded.seq, change_id = excluded.change_id`,
    [
      collectionName,
      feed.map((entry) => entry.scope),
      feed.map((entry) => entry.id),
      feed.map((entry) => entry.seq),
      feed.map((entry) => entry.changeId),
    ],
  );
  await tx.query(
    `INSERT INTO sync_changes (scope, seq, change_id)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])`,
    [feed.map((entry) => entry.scope), feed.map((entry) => entry.seq), feed.map((entry) => entry.changeId)],
  );
  // Delivered only if the transaction commits.
  // A staff write also drops the facility's cached accounts on every server process.
  const payloads = [...byScope.keys()].map((scope) => changesPayload(collectionName, scope));
  if (collectionName === 'staff') payloads.push(...[...byScope.keys()].map(staffChangedPayload));
  await tx.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [SYNC_CHANNEL, payloads]);
}

/**
 * Stores the bodies of a page in one statement, each version's envelope (lineage, signature) in
 * its columns beside the body: the body never holds it, pulls put it back beside the body. New
 * documents are inserted in the writes' order (id order for a push: racing first inserts of the
 * same ids then wait on each other in one order); existing ones were locked by the caller.
 */
async function storeBodies(
  tx: SqlExecutor,
  collectionName: string,
  writes: DocumentWrite[],
  pushedByDevice: string | null,
  kind: 'insert' | 'update',
): Promise<void> {
  if (writes.length === 0) return;
  const rows = `unnest($2::text[], $3::text[], $4::jsonb[], $5::boolean[], $6::jsonb[])
    WITH ORDINALITY AS t (id, scope, body, deleted, meta, n)`;
  const lineage = `ARRAY(SELECT jsonb_array_elements_text(t.meta->'lineage'))`;
  await tx.query(
    kind === 'insert'
      ? `INSERT INTO sync_documents (collection, id, scope, body, deleted, pushed_by_device, lineage, signature)
         SELECT $1, t.id, t.scope, t.body, t.deleted, $7::uuid, ${lineage}, t.meta->'signature'
         FROM ${rows} ORDER BY t.n`
      : `UPDATE sync_documents d
         SET body = t.body, deleted = t.deleted, pushed_by_device = $7::uuid, received_at = now(),
             lineage = ${lineage}, signature = t.meta->'signature'
         FROM ${rows}
         WHERE d.collection = $1 AND d.id = t.id AND d.scope = t.scope`,
    [
      collectionName,
      writes.map((write) => write.id),
      writes.map((write) => write.scopes[0] ?? ''),
      writes.map((write) => {
        const { _deleted: _ignored, ...body } = write.state;
        return JSON.stringify(body);
      }),
      writes.map((write) => write.state._deleted),
      writes.map((write) => JSON.stringify(write.meta)),
      pushedByDevice,
    ],
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Byte order, the same as PostgreSQL's "C" collation for the ASCII scope names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
