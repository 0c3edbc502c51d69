import { catalogEntryId, catalogEntrySchema, type CatalogEntry } from '../../shared/catalog/catalog-entry';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { entriesInForce, versionInForce } from '../../shared/catalog/entry-in-force';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { Database, SqlExecutor } from '../db/database';
import { writeDocuments } from '../documents/write-documents';
import type { ServerKey } from '../signing/server-key';
import { ChangeCollector, differingFields, type CatalogChanges } from './catalog-changes';
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
  /**
   * The file is the whole list: every code in force that it lacks is retired from
   * `effectiveFrom` (a withdrawn version). Off, a file only adds and changes what it names.
   */
  retireMissing?: boolean;
}

export type CatalogImportResult =
  | {
      ok: true;
      dryRun: boolean;
      /** Versions new to the province (written), versions already held exactly so (skipped). */
      added: number;
      unchanged: number;
      /** The written versions as the admin reads them: codes added, changed and retired, with rows. */
      changes: CatalogChanges;
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
    const versions = await provinceVersions(tx, request.kind, request.provinceCode);
    const inForce = new Map(entriesInForce(versions, request.effectiveFrom).map((entry) => [entry.code, entry]));
    const changes = new ChangeCollector();
    const freshIds = new Set(fresh.map((entry) => entry.id));
    // What the province held before this file: a version of the file's own date is the file's.
    const earlier = new Map<string, CatalogEntry[]>();
    for (const version of versions) {
      if (version.effectiveFrom >= request.effectiveFrom) continue;
      earlier.set(version.code, [...(earlier.get(version.code) ?? []), version]);
    }
    parsed.documents.forEach((entry, index) => {
      if (!freshIds.has(entry.id)) return;
      const previous = versionInForce(earlier.get(entry.code) ?? [], request.effectiveFrom);
      const row = {
        line: parsed.lines[index] ?? null,
        code: entry.code,
        name: entry.name,
        previousName: previous?.name ?? null,
        fields: [],
      };
      if (entry.withdrawn) changes.add('retired', row);
      else if (!previous) changes.add('added', row);
      else {
        const fields = differingFields(previous, entry);
        if (fields.length === 0) changes.addSame();
        else changes.add('changed', { ...row, fields });
      }
    });
    const retirements: CatalogEntry[] = [];
    if (request.retireMissing) {
      const named = new Set(parsed.documents.map((entry) => entry.code));
      const updatedAt = parsed.documents[0]?.updatedAt ?? `${request.effectiveFrom}T00:00:00.000Z`;
      for (const entry of inForce.values()) {
        if (named.has(entry.code)) continue;
        if (entry.effectiveFrom === request.effectiveFrom) {
          errors.push({
            line: 1,
            code: 'version-changed',
            message: `${entry.code} has a version from ${entry.effectiveFrom} that the file lacks: it cannot be retired on the day it starts; give the file a later effective date.`,
          });
          continue;
        }
        const retired = {
          ...entry,
          id: catalogEntryId(entry.kind, entry.code, request.effectiveFrom),
          effectiveFrom: request.effectiveFrom,
          effectiveTo: '',
          withdrawn: true,
          updatedAt,
        };
        retirements.push(retired);
        changes.add('retired', {
          line: null,
          code: entry.code,
          name: entry.name,
          previousName: entry.name,
          fields: [],
        });
      }
    }
    if (errors.length > 0) return { ok: false as const, errors };
    const unchanged = parsed.documents.length - fresh.length;
    const written = [...fresh, ...retirements];
    if (!request.dryRun) {
      const writes = await Promise.all(
        written.map(async (entry) => {
          const state = { ...entry, _deleted: false };
          // The province vouches for its catalogs: every version carries the server's signature.
          const meta = { lineage: [], signature: await serverKey.sign('catalog', state) };
          return { id: entry.id, state, isNew: true, meta, scopes: SYNCED_COLLECTIONS.catalog.scopes(entry) };
        }),
      );
      await writeDocuments(tx, 'catalog', null, writes);
    }
    return {
      ok: true as const,
      dryRun: request.dryRun,
      added: written.length,
      unchanged,
      changes: changes.result(),
    };
  });
}

/**
 * Every version of a kind the province holds: what is in force on the file's date is the
 * baseline the file is compared with. Stored versions were checked when written.
 */
async function provinceVersions(tx: SqlExecutor, kind: CatalogKind, provinceCode: string): Promise<CatalogEntry[]> {
  const rows = await tx.query<{ body: CatalogEntry }>(
    `SELECT body FROM sync_documents WHERE collection = 'catalog' AND body->>'kind' = $1 AND body->>'provinceCode' = $2 AND NOT deleted`,
    [kind, provinceCode],
  );
  return rows.map((row) => row.body);
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
