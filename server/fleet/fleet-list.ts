import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';
import type { FleetDevice, FleetState } from '../../shared/admin/fleet-api';
import { fleetState, stateWindow, type FleetThresholds } from './fleet-state';

export type { FleetDevice } from '../../shared/admin/fleet-api';

/** The orders the list offers; each ends with the id, so that the key is unique. */
const SORTS = {
  name: [{ sql: 'd.name', type: 'text' }],
  facility: [
    { sql: 'd.facility_code', type: 'text' },
    { sql: 'd.name', type: 'text' },
  ],
  lastContact: [{ sql: 'd.last_contact_at', type: 'timestamptz' }],
  lastPull: [{ sql: `coalesce(d.last_pull_at, '-infinity')`, type: 'timestamptz' }],
  lastPush: [{ sql: `coalesce(d.last_push_at, '-infinity')`, type: 'timestamptz' }],
  backlog: [{ sql: 'coalesce(d.outbox_backlog, -1)', type: 'integer' }],
  appVersion: [{ sql: `coalesce(d.app_version, '')`, type: 'text' }],
} as const;

export type FleetSortKey = keyof typeof SORTS;
export const FLEET_SORT_KEYS = Object.keys(SORTS) as FleetSortKey[];

export interface FleetQuery {
  facility: string | null;
  state: FleetState | null;
  sort: FleetSortKey;
  descending: boolean;
  cursor: string | null;
  limit: number;
}

interface FleetRow extends Omit<FleetDevice, 'state' | 'firstSync'> {
  firstSyncDone: number | null;
  firstSyncTotal: number | null;
  sortKey: string[];
}

/**
 * A page of the fleet, in the order asked, starting after `cursor`; `nextCursor` is null on the
 * last page. Filters and order run in SQL on the stored columns (the state as a window on the
 * last contact time, by the same rule as `fleetState`), so a page costs the same at 2,000 PCs.
 */
export async function listFleet(
  database: SqlExecutor,
  query: FleetQuery,
  now: Date,
  thresholds: FleetThresholds,
): Promise<{ devices: FleetDevice[]; nextCursor: string | null }> {
  const sort = SORTS[query.sort];
  const params: unknown[] = [query.facility];
  const conditions = ['($1::text IS NULL OR d.facility_code = $1)'];
  if (query.state) {
    const window = stateWindow(query.state, now, thresholds);
    conditions.push(window.revoked ? 'd.revoked_at IS NOT NULL' : 'd.revoked_at IS NULL');
    if (window.contactFrom) {
      params.push(window.contactFrom.toISOString());
      conditions.push(`d.last_contact_at >= $${String(params.length)}::timestamptz`);
    }
    if (window.contactBefore) {
      params.push(window.contactBefore.toISOString());
      conditions.push(`d.last_contact_at < $${String(params.length)}::timestamptz`);
    }
  }
  const keyColumns = [...sort.map((part) => part.sql), 'd.id'];
  const keyTypes = [...sort.map((part) => part.type), 'uuid'];
  if (query.cursor) {
    const key = decodeCursor(query.cursor, keyColumns.length);
    const placeholders = key.map((value, n) => {
      params.push(value);
      return `$${String(params.length)}::${keyTypes[n] ?? 'text'}`;
    });
    conditions.push(`(${keyColumns.join(', ')}) ${query.descending ? '<' : '>'} (${placeholders.join(', ')})`);
  }
  const direction = query.descending ? 'DESC' : 'ASC';
  params.push(query.limit + 1);
  const rows = await database.query<FleetRow>(
    `SELECT d.id, d.facility_code AS "facilityCode", f.name AS "facilityName", d.name,
            d.app_version AS "appVersion", d.outbox_backlog AS backlog, d.audit_backlog AS "auditBacklog",
            d.quarantined, d.first_sync_done AS "firstSyncDone", d.first_sync_total AS "firstSyncTotal",
            ${isoTimestamp('d.reported_at')} AS "reportedAt", ${isoTimestamp('d.last_pull_at')} AS "lastPullAt",
            ${isoTimestamp('d.last_push_at')} AS "lastPushAt", ${isoTimestamp('d.last_stream_at')} AS "lastStreamAt",
            ${isoTimestamp('d.last_contact_at')} AS "lastContactAt", ${isoTimestamp('d.created_at')} AS "enrolledAt",
            ${isoTimestamp('d.revoked_at')} AS "revokedAt",
            ARRAY[${keyColumns.map((column) => `(${column})::text`).join(', ')}] AS "sortKey"
     FROM devices d JOIN facilities f ON f.code = d.facility_code
     WHERE ${conditions.join(' AND ')}
     ORDER BY ${keyColumns.map((column) => `${column} ${direction}`).join(', ')}
     LIMIT $${String(params.length)}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    devices: page.map((row) => fleetDevice(row, now, thresholds)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sortKey) : null,
  };
}

function fleetDevice(row: FleetRow, now: Date, thresholds: FleetThresholds): FleetDevice {
  const { firstSyncDone, firstSyncTotal, sortKey: _key, ...device } = row;
  const firstSync =
    firstSyncDone !== null && firstSyncTotal !== null ? { done: firstSyncDone, total: firstSyncTotal } : null;
  const state = fleetState(
    { lastContactAt: new Date(row.lastContactAt), revokedAt: row.revokedAt ? new Date(row.revokedAt) : null },
    now,
    thresholds,
  );
  return { ...device, firstSync, state };
}
