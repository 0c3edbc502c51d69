import type { CatalogEntry } from '../../shared/catalog/catalog-entry';
import { sameDocumentState } from '../../shared/sync/document-state';

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

/** A version's content: what a new version of the same code would have to differ in. */
function content(entry: CatalogEntry): Record<string, unknown> {
  const { name, nameEn, details } = entry;
  return {
    name,
    nameEn,
    ...Object.fromEntries(Object.entries(details).map(([key, value]) => [`details.${key}`, value])),
  };
}

/** The fields (top-level, and `details.` ones) in which two versions of a code differ. */
export function differingFields(before: CatalogEntry, after: CatalogEntry): string[] {
  const a = content(before);
  const b = content(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => !sameDocumentState({ value: a[key] ?? null }, { value: b[key] ?? null }));
}

export type ChangeKind = 'added' | 'changed' | 'retired';

/** Collects each kind of change, keeping counts whole and the rows capped. */
export class ChangeCollector {
  private readonly lists = {
    added: { count: 0, rows: [] as CatalogRowChange[] },
    changed: { count: 0, rows: [] as CatalogRowChange[] },
    retired: { count: 0, rows: [] as CatalogRowChange[] },
  };
  private same = 0;

  add(kind: ChangeKind, row: CatalogRowChange): void {
    const list = this.lists[kind];
    list.count += 1;
    if (list.rows.length < CHANGE_ROWS_SHOWN) list.rows.push(row);
  }

  addSame(): void {
    this.same += 1;
  }

  result(): CatalogChanges {
    return { ...this.lists, same: this.same };
  }
}
