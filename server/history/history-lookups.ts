import type { HistoryRequest } from '../../shared/history/history-request';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';

export interface LookupAsker {
  deviceId: string;
  facilityCode: string;
  username: string;
}

/** How a lookup ended: shown (with the ids returned) or refused (with the reason). */
export type LookupOutcome = { outcome: 'shown'; returned: Record<string, string[]> } | { outcome: string };

/**
 * Records one lookup in the server's audit trail, once per request id: false when that id was
 * recorded before (a replayed or repeated request), which the caller refuses.
 */
export async function recordLookup(
  database: SqlExecutor,
  asker: LookupAsker,
  request: HistoryRequest,
  result: LookupOutcome,
): Promise<boolean> {
  const rows = await database.query(
    `INSERT INTO history_lookups (id, device_id, facility_code, staff_id, username, purpose, emergency, reason,
                                  cccd, bhyt, client_at, outcome, returned)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      request.id,
      asker.deviceId,
      asker.facilityCode,
      request.staffId,
      asker.username,
      request.purpose,
      request.emergency,
      request.reason,
      request.cccd,
      request.bhyt,
      request.at,
      result.outcome,
      JSON.stringify('returned' in result ? result.returned : {}),
    ],
  );
  return rows.length > 0;
}

export interface LookupRecord {
  id: string;
  askedAt: string;
  clientAt: string;
  deviceId: string;
  deviceName: string;
  facilityCode: string;
  staffId: string;
  username: string;
  purpose: string;
  emergency: boolean;
  reason: string;
  cccd: string;
  bhyt: string;
  outcome: string;
  returned: Record<string, string[]>;
}

/** Lookups newest first; `emergencyOnly` gives the break-glass alerts. */
export function listLookups(
  database: SqlExecutor,
  filter: { facility: string | null; emergencyOnly: boolean; limit: number },
): Promise<LookupRecord[]> {
  return database.query<LookupRecord>(
    `SELECT h.id, ${isoTimestamp('h.asked_at')} AS "askedAt", h.client_at AS "clientAt", h.device_id AS "deviceId",
            d.name AS "deviceName", h.facility_code AS "facilityCode", h.staff_id AS "staffId", h.username,
            h.purpose, h.emergency, h.reason, h.cccd, h.bhyt, h.outcome, h.returned
     FROM history_lookups h JOIN devices d ON d.id = h.device_id
     WHERE ($1::text IS NULL OR h.facility_code = $1) AND (NOT $2::boolean OR h.emergency)
     ORDER BY h.asked_at DESC, h.id DESC LIMIT $3`,
    [filter.facility, filter.emergencyOnly, filter.limit],
  );
}
