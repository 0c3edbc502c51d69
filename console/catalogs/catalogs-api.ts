import { ADMIN_API_PREFIX } from '../../shared/admin/admin-api';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import type { CatalogImportAnswer, CatalogImportProblem } from '../../shared/catalog/catalog-import-report';
import { AdminApiError, storedSession, type AdminClient } from '../api/admin-client';

export interface CatalogImportChoice {
  kind: CatalogKind;
  provinceCode: string;
  /** yyyy-MM-dd */
  effectiveFrom: string;
  retireMissing: boolean;
  /** The file's bytes as picked: the server tells UTF-8, a BOM and Windows-1258 apart. */
  file: ArrayBuffer;
}

export type CatalogImportOutcome =
  | { ok: true; answer: CatalogImportAnswer }
  /** A refused file: every bad row with its line; nothing was stored. */
  | { ok: false; problems: CatalogImportProblem[] };

/**
 * `POST /admin/v1/catalogs/:kind/import` with the CSV as the body (`text/csv`), which the
 * console's JSON calls cannot send; the session is the console's own. A refused file is an
 * outcome, not an error: its rows are what the admin needs to see.
 */
export async function importCatalogFile(
  client: AdminClient,
  choice: CatalogImportChoice,
  dryRun: boolean,
): Promise<CatalogImportOutcome> {
  const query = new URLSearchParams({
    province: choice.provinceCode,
    effectiveFrom: choice.effectiveFrom,
    dryRun: dryRun ? '1' : '0',
    retireMissing: choice.retireMissing ? '1' : '0',
  });
  const headers: Record<string, string> = { 'content-type': 'text/csv' };
  const token = storedSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${ADMIN_API_PREFIX}/catalogs/${choice.kind}/import?${query.toString()}`, {
      method: 'POST',
      headers,
      body: choice.file,
    });
  } catch {
    throw new AdminApiError(0, 'network', 'network');
  }
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as Partial<CatalogImportAnswer> & {
    code?: string;
    message?: string;
    details?: { errors?: CatalogImportProblem[] };
  };
  if (response.ok) return { ok: true, answer: body as CatalogImportAnswer };
  if (body.code === 'catalog-invalid') return { ok: false, problems: body.details?.errors ?? [] };
  if (response.status === 401 || response.status === 423) {
    // The session is over: the console's own call hears the same and signs the admin out.
    await client.request('GET', '/sessions/current').catch(() => undefined);
  }
  throw new AdminApiError(response.status, body.code ?? 'unknown', body.message ?? response.statusText);
}
