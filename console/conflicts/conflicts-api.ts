import type { LostValueForAdmin } from '../../shared/admin/conflicts-and-alerts-api';
import type { AdminClient } from '../api/admin-client';

/** One value that lost a merge, as `GET /conflicts/by-document` gives it. */
export type LostValue = LostValueForAdmin;

/** A document with open conflicts, with the patient and visit it belongs to. */
export interface ConflictGroup {
  facilityCode: string;
  collection: string;
  documentId: string;
  documentExists: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  receivedAt: string | null;
  patientId: string | null;
  patientCode: string | null;
  encounterId: string | null;
  conflicts: LostValue[];
}

export interface ConflictGroupPage {
  documents: ConflictGroup[];
  nextCursor: string | null;
}

export interface ResolvedConflict {
  id: string;
  resolution: 'restored' | 'dismissed';
  resolvedBy: string;
  resolvedAt: string;
  note: string;
}

/** Documents per page: a screen's worth at 1366×768 with a few conflicts each. */
export const CONFLICT_PAGE_SIZE = 20;

export function conflictGroups(
  client: AdminClient,
  query: { facility: string | null; cursor: string | null; limit?: number },
): Promise<ConflictGroupPage> {
  const params = new URLSearchParams({ limit: String(query.limit ?? CONFLICT_PAGE_SIZE) });
  if (query.facility) params.set('facility', query.facility);
  if (query.cursor) params.set('cursor', query.cursor);
  return client.request('GET', `/conflicts/by-document?${params.toString()}`);
}

export function resolveConflict(
  client: AdminClient,
  id: string,
  action: 'restore' | 'dismiss',
  note: string,
): Promise<ResolvedConflict> {
  return client.request('POST', `/conflicts/${id}/${action}`, { note });
}
