import { catalogEntrySchema, type CatalogEntry } from '../../shared/catalog/catalog-entry';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { Database, SqlExecutor } from '../db/database';
import { writeDocuments } from '../documents/write-documents';
import type { ServerKey } from '../signing/server-key';
import type { CatalogImportError } from './catalog-import-error';
import { parseCatalogCsv } from './parse-catalog-csv';

export interface CatalogImportRequest {
  kind: CatalogKind;
  /** The file as uploaded: UTF-8 CSV laid out like the ministry's list. */
  file: string | Uint8Array;
  provinceCode: string;
  /** The first day the file's versions apply (yyyy-MM-dd). */
  effectiveFrom: string;
  /** Check everything and count what would change, storing nothing. */
  dryRun: boolean;
}

export type CatalogImportResult =
  | {
      ok: true;
      dryRun: boolean;
      /** Versions new to the province, versions already held exactly so (skipped). */
      added: number;
      unchanged: number;
    }
  | { ok: false; errors: CatalogImportError[] };

/**
 * Imports a catalog file for a province: every row checked first (parse-catalog-csv.ts), and
 * either the whole file applied in one transaction or nothing. A version is never edited in
 * place: a row whose version (kind, code, effective date) the province already holds with other
 * content is refused with its line, and a new version needs a later effective date. What is
 * applied reaches every device of the province through its province feed.
 */
export async function importCatalog(
  database: Database,
  serverKey: ServerKey,
  request: CatalogImportRequest,
): Promise<CatalogImportResult> {
  const parsed = parseCatalogCsv(request.kind, request.file, {
    provinceCode: request.provinceCode,
    effectiveFrom: request.effectiveFrom,
  });
  if (!parsed.ok) return parsed;
  return database.transaction(async (tx) => {
    const held = await heldVersions(
      tx,
      parsed.documents.map((entry) => entry.id),
    );
    const errors: CatalogImportError[] = [];
    const fresh: CatalogEntry[] = [];
    parsed.documents.forEach((entry, index) => {
      const existing = held.get(entry.id);
      if (!existing) fresh.push(entry);
      else if (!sameDocumentState(withoutTimes(existing), withoutTimes(entry)))
        errors.push({
          line: parsed.lines[index] ?? 0,
          code: 'version-changed',
          message: `The province already holds ${entry.code} from ${entry.effectiveFrom} with other content: a version is never edited; give the new one a later effective date.`,
        });
    });
    if (errors.length > 0) return { ok: false as const, errors };
    const unchanged = parsed.documents.length - fresh.length;
    if (!request.dryRun) {
      const writes = await Promise.all(
        fresh.map(async (entry) => {
          const state = { ...entry, _deleted: false };
          // The province vouches for its catalogs: every version carries the server's signature.
          const meta = { lineage: [], signature: await serverKey.sign('catalog', state) };
          return { id: entry.id, state, isNew: true, meta, scopes: SYNCED_COLLECTIONS.catalog.scopes(entry) };
        }),
      );
      await writeDocuments(tx, 'catalog', null, writes);
    }
    return { ok: true as const, dryRun: request.dryRun, added: fresh.length, unchanged };
  });
}

async function heldVersions(tx: SqlExecutor, ids: string[]): Promise<Map<string, CatalogEntry>> {
  const rows = await tx.query<{ id: string; body: unknown }>(
    `SELECT id, body FROM sync_documents WHERE collection = 'catalog' AND id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, catalogEntrySchema.parse(row.body)]));
}

/** When a version was written says nothing about what it holds. */
function withoutTimes(entry: CatalogEntry): object {
  const { updatedAt: _updatedAt, ...content } = entry;
  return { ...content, _deleted: false };
}
