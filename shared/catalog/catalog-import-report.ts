/**
 * What the catalog import route (`POST /admin/v1/catalogs/:kind/import`) answers about the codes a
 * file adds, changes and retires: the server builds it, the console shows it.
 */

/** How many rows of each kind of change an import answer lists; the counts are always whole. */
export const CHANGE_ROWS_SHOWN = 200;

/** One code an import adds, changes or retires, as the admin checks it before applying. */
export interface CatalogRowChange {
  /** The line of the file (the header is line 1); null for a code retired because the file lacks it. */
  line: number | null;
  code: string;
  name: string;
  /** The name in force before the file (a changed or retired code), else null. */
  previousName: string | null;
  /** For a changed code: what differs from the version in force (`name`, `details.unit` …). */
  fields: string[];
}

export interface CatalogChangeList {
  count: number;
  /** The first CHANGE_ROWS_SHOWN, in file order. */
  rows: CatalogRowChange[];
}

export interface CatalogChanges {
  added: CatalogChangeList;
  changed: CatalogChangeList;
  retired: CatalogChangeList;
  /** Codes whose new version holds what the one in force already does. */
  same: number;
}

/** A file that would be or was applied (a 200 answer). */
export interface CatalogImportAnswer {
  ok: true;
  dryRun: boolean;
  /** Versions written (or that would be): added, changed and retired codes, and unchanged ones with a new date. */
  added: number;
  /** Versions the province already held exactly so. */
  unchanged: number;
  changes: CatalogChanges;
}

/** One bad row of a refused file (a 422 `catalog-invalid` answer lists them in `details.errors`). */
export interface CatalogImportProblem {
  /** 1-based line in the file, the header being line 1 */
  line: number;
  column?: string;
  code: string;
  rule?: string;
  message: string;
}
