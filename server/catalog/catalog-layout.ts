import type { CatalogDetails } from '../../shared/catalog/catalog-details';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';
import type { RowReader } from './catalog-row-reader';

/** One column of a catalog file: the headers it may carry (the ministry's and Sen's spellings). */
export interface CatalogColumn {
  key: string;
  headers: readonly string[];
  required: boolean;
}

/** What a row says, before the parts every entry shares are added. */
export interface CatalogRow<K extends CatalogKind> {
  code: string;
  name: string;
  nameEn: string;
  details: CatalogDetails[K];
}

/**
 * How a kind's file is laid out and read: its columns, the columns of the ministry's published
 * files that Sen reads past (known, not stored), and how one row becomes an entry. `readRow`
 * reports its problems through the reader and returns null when the row cannot be an entry.
 */
export interface CatalogLayout<K extends CatalogKind> {
  columns: readonly CatalogColumn[];
  ignored: readonly string[];
  // Method signatures, so that every kind's layout can be used as a layout of any kind.
  readRow(row: RowReader): CatalogRow<K> | null;
  /** Rules of the list beyond each field's shape, as kebab-case codes (empty when none). */
  ruleProblems?(row: CatalogRow<K>): { column: string; code: string }[];
}

/** Headers compare without diacritics, case, spaces or punctuation: "MÃ BỆNH" = "Mã bệnh" = "MA_BENH". */
export function headerKey(header: string): string {
  return foldVietnamese(header).replace(/[^a-z0-9]/g, '');
}

/** The column shared by every kind: a version that withdraws the code. */
export const WITHDRAWN_COLUMN: CatalogColumn = {
  key: 'withdrawn',
  headers: ['Ngừng sử dụng', 'Ngung su dung', 'Withdrawn'],
  required: false,
};

export const ROW_NUMBER_HEADERS = ['STT', 'Số TT', 'Số thứ tự'] as const;
