import type { AdminAuditEntry } from '../../shared/admin/admin-api';
import type { AuditAlertRecord } from '../../shared/admin/conflicts-and-alerts-api';
import type { AdminClient } from '../api/admin-client';
import type { KeysetPage } from '../conflicts/use-keyset-pages';

/** The audit lists the Nhật ký page shows, as the admin API gives them (server/audit, server/history). */
export type AuditAlert = AuditAlertRecord;

export interface BreakGlassLookup {
  id: string;
  askedAt: string;
  deviceName: string;
  facilityCode: string;
  username: string;
  purpose: string;
  reason: string;
  cccd: string;
  bhyt: string;
  outcome: string;
}

export interface PatientAccess {
  at: string;
  receivedAt: string;
  action: string;
  username: string;
  displayName: string | null;
  deviceName: string;
  facilityCode: string;
  chainOk: boolean;
}

export const AUDIT_PAGE_SIZE = 25;

const query = (values: Record<string, string | null>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== null) params.set(name, value);
  return params.toString();
};

export async function auditAlerts(
  client: AdminClient,
  state: 'open' | 'all',
  cursor: string | null,
): Promise<KeysetPage<AuditAlert>> {
  const answer = await client.request<{ alerts: AuditAlert[]; nextCursor: string | null }>(
    'GET',
    `/audit/alerts?${query({ state, cursor, limit: String(AUDIT_PAGE_SIZE) })}`,
  );
  return { items: answer.alerts, nextCursor: answer.nextCursor };
}

export function acknowledgeAlert(client: AdminClient, id: string, note: string): Promise<AuditAlert> {
  return client.request('POST', `/audit-alerts/${id}/acknowledge`, { note });
}

/**
 * Break-glass lookups, newest first. The route has a limit and no cursor (server/history is
 * another feature's): the "cursor" here is how many rows the next page asks for, the page
 * showing the rows after those already seen.
 */
export async function breakGlassLookups(
  client: AdminClient,
  cursor: string | null,
): Promise<KeysetPage<BreakGlassLookup>> {
  const seen = cursor === null ? 0 : Number(cursor);
  const limit = Math.min(seen + AUDIT_PAGE_SIZE + 1, 1000);
  const answer = await client.request<{ alerts: BreakGlassLookup[] }>('GET', `/history-alerts?limit=${String(limit)}`);
  const items = answer.alerts.slice(seen, seen + AUDIT_PAGE_SIZE);
  const more = answer.alerts.length > seen + AUDIT_PAGE_SIZE && seen + AUDIT_PAGE_SIZE < 1000;
  return { items, nextCursor: more ? String(seen + AUDIT_PAGE_SIZE) : null };
}

export async function patientAccess(
  client: AdminClient,
  patientCode: string,
  cursor: string | null,
): Promise<KeysetPage<PatientAccess> & { patientId: string }> {
  const answer = await client.request<{ patientId: string; access: PatientAccess[]; nextCursor: string | null }>(
    'GET',
    `/patients/${encodeURIComponent(patientCode)}/access?${query({ cursor, limit: String(AUDIT_PAGE_SIZE) })}`,
  );
  return { patientId: answer.patientId, items: answer.access, nextCursor: answer.nextCursor };
}

/** What admins did, newest first; the next page is the entries before the last id shown. */
export async function adminActions(client: AdminClient, cursor: string | null): Promise<KeysetPage<AdminAuditEntry>> {
  const answer = await client.request<{ entries: AdminAuditEntry[] }>(
    'GET',
    `/admin-audit?${query({ limit: String(AUDIT_PAGE_SIZE + 1), before: cursor })}`,
  );
  const items = answer.entries.slice(0, AUDIT_PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: answer.entries.length > AUDIT_PAGE_SIZE && last ? String(last.id) : null };
}
