import {
  DUPLICATES_PATH,
  type DismissBody,
  type DuplicatePage,
  type MergeBody,
  type MergedPerson,
} from '../../shared/identity/duplicates-api';
import type { AdminClient } from '../api/admin-client';

/** The page's calls to the admin API (server/identity/identity-routes.ts). */
export function listDuplicates(
  client: AdminClient,
  query: { facility: string | null; cursor: string | null; limit: number },
): Promise<DuplicatePage> {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.facility) params.set('facility', query.facility);
  if (query.cursor) params.set('cursor', query.cursor);
  return client.request('GET', `${DUPLICATES_PATH}?${params.toString()}`);
}

export function mergeDuplicates(client: AdminClient, body: MergeBody): Promise<MergedPerson> {
  return client.request('POST', `${DUPLICATES_PATH}/merge`, body);
}

export function dismissDuplicate(client: AdminClient, body: DismissBody): Promise<{ dismissed: true }> {
  return client.request('POST', `${DUPLICATES_PATH}/dismiss`, body);
}
