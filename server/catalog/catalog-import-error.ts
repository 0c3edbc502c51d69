/**
 * One problem of an imported catalog file, pinned to its 1-based line in the file (the header is
 * line 1) and, where it lies in one field, that field's column header as the file spells it.
 */
export interface CatalogImportError {
  line: number;
  column?: string;
  /** kebab-case, for machines and the admin UI's translations */
  code: CatalogImportErrorCode;
  /** For `rule-violated`: which rule of the list, kebab-case (`sex-restriction-missing` …). */
  rule?: string;
  message: string;
}

export type CatalogImportErrorCode =
  | 'empty-file'
  | 'no-rows'
  | 'bad-encoding'
  | 'malformed-csv'
  | 'unknown-column'
  | 'duplicate-column'
  | 'missing-column'
  | 'wrong-field-count'
  | 'missing-value'
  | 'invalid-value'
  | 'duplicate-code'
  | 'rule-violated'
  /** The province holds this version (kind, code, effective date) with other content. */
  | 'version-changed';

export type CatalogParseResult<T> =
  /** `lines[i]` is the line of the file `documents[i]` came from. */
  { ok: true; documents: T[]; lines: number[] } | { ok: false; errors: CatalogImportError[] };
