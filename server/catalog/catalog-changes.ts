import type { CatalogEntry } from '../../shared/catalog/catalog-entry';
import {
  CHANGE_ROWS_SHOWN,
  type CatalogChanges,
  type CatalogRowChange,
} from '../../shared/catalog/catalog-import-report';
import { sameDocumentState } from '../../shared/sync/document-state';

export type { CatalogChanges, CatalogRowChange };

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
