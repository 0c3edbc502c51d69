import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  CATALOG_AUTHOR,
  catalogEntryId,
  catalogEntrySchema,
  isIsoDate,
  type CatalogEntry,
} from '../../shared/catalog/catalog-entry';
import { CATALOG_DETAILS_SCHEMAS } from '../../shared/catalog/catalog-details';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';
import type { CatalogImportError, CatalogParseResult } from './catalog-import-error';
import { headerKey, type CatalogColumn, type CatalogLayout } from './catalog-layout';
import { CATALOG_LAYOUTS } from './catalog-layouts';
import { RowReader } from './catalog-row-reader';
import { RULE_MESSAGES } from './rule-messages';
import { decodeCatalogText } from './decode-catalog-text';

export interface CatalogImportOptions {
  /** The province whose catalog this file becomes (2 digits). */
  provinceCode: string;
  /** The first day the file's entries apply (yyyy-MM-dd): part of every entry's id. */
  effectiveFrom: string;
  /** When the versions were made; defaults to the start of `effectiveFrom`, so that the same
   * file imported twice yields identical documents. */
  updatedAt?: string;
}

interface Header {
  columns: Map<string, number>;
  /** How many fields every row must have: the header's own count, ignored columns included. */
  width: number;
  /** The header each column key has in this file, to name it in errors. */
  spelled: Map<string, string>;
}

/**
 * Reads a catalog file laid out like the ministry's published lists (UTF-8, with or without a
 * BOM) into catalog documents. Every row is checked (shape, the list's rules, codes repeated in
 * the file) and every problem is reported with its 1-based line in the file; if there is any,
 * no document is returned, so a bad file is never half applied.
 */
export function parseCatalogCsv(
  kind: CatalogKind,
  input: string | Uint8Array,
  options: CatalogImportOptions,
): CatalogParseResult<CatalogEntry> {
  const optionErrors = checkOptions(options);
  if (optionErrors.length > 0) return { ok: false, errors: optionErrors };
  const decoded = decodeCatalogText(input);
  if ('error' in decoded) return { ok: false, errors: [decoded.error] };
  if (decoded.text.trim() === '') {
    return { ok: false, errors: [{ line: 1, code: 'empty-file', message: 'The file is empty.' }] };
  }

  const records = readRecords(decoded.text);
  if ('error' in records) return { ok: false, errors: [records.error] };
  const [headerRecord, ...rows] = records.rows;
  if (headerRecord === undefined) {
    return { ok: false, errors: [{ line: 1, code: 'empty-file', message: 'The file is empty.' }] };
  }
  const layout: CatalogLayout<CatalogKind> = CATALOG_LAYOUTS[kind];
  const header = readHeader(layout, headerRecord);
  if ('errors' in header) return { ok: false, errors: header.errors };
  if (rows.length === 0) {
    return { ok: false, errors: [{ line: 2, code: 'no-rows', message: 'The file has a header and no rows.' }] };
  }

  const errors: CatalogImportError[] = [];
  const documents: CatalogEntry[] = [];
  const lines: number[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const row of rows) {
    const entry = readEntry(kind, layout, header, row, options, errors);
    if (entry === null) continue;
    const firstLine = firstLineOfCode.get(entry.code);
    if (firstLine !== undefined) {
      errors.push({
        line: row.line,
        column: header.spelled.get('code'),
        code: 'duplicate-code',
        message: `The code ${entry.code} is already on line ${firstLine}.`,
      });
      continue;
    }
    firstLineOfCode.set(entry.code, row.line);
    documents.push(entry);
    lines.push(row.line);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, documents, lines };
}

function checkOptions(options: CatalogImportOptions): CatalogImportError[] {
  const errors: CatalogImportError[] = [];
  if (!/^\d{2}$/.test(options.provinceCode)) {
    errors.push({ line: 0, code: 'invalid-value', message: `"${options.provinceCode}" is not a province code.` });
  }
  if (!isIsoDate(options.effectiveFrom)) {
    errors.push({ line: 0, code: 'invalid-value', message: `"${options.effectiveFrom}" is not a yyyy-MM-dd date.` });
  }
  return errors;
}

const PARSED_WITH_INFO = z.array(
  z.looseObject({ record: z.array(z.string()), info: z.looseObject({ lines: z.number().int() }) }),
);

interface CsvRecord {
  line: number;
  fields: string[];
}

function readRecords(text: string): { rows: CsvRecord[] } | { error: CatalogImportError } {
  try {
    // With `info`, csv-parse yields {record, info} per row though its types say string[][].
    const parsed = PARSED_WITH_INFO.parse(
      parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }),
    );
    return {
      rows: parsed
        .filter(({ record }) => record.some((field) => field.trim() !== ''))
        .map(({ record, info }) => ({ line: info.lines - newlinesIn(record), fields: record })),
    };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    return { error: { line, code: 'malformed-csv', message: `The file is not valid CSV here: ${error.message}` } };
  }
}

/** csv-parse counts the line a record ends on; a quoted field may span lines. */
function newlinesIn(record: readonly string[]): number {
  return record.reduce((count, field) => count + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}

function readHeader<K extends CatalogKind>(
  layout: CatalogLayout<K>,
  record: CsvRecord,
): Header | { errors: CatalogImportError[] } {
  const errors: CatalogImportError[] = [];
  const columns = new Map<string, number>();
  const spelled = new Map<string, string>();
  const ignored = new Set(layout.ignored.map(headerKey));
  record.fields.forEach((written, position) => {
    const header = written.trim();
    const column = findColumn(layout.columns, header);
    if (column === undefined) {
      if (ignored.has(headerKey(header))) return;
      errors.push({
        line: record.line,
        column: header,
        code: 'unknown-column',
        message: `Unknown column "${header}".`,
      });
    } else if (columns.has(column.key)) {
      errors.push({
        line: record.line,
        column: header,
        code: 'duplicate-column',
        message: `"${header}" appears twice.`,
      });
    } else {
      columns.set(column.key, position);
      spelled.set(column.key, header);
    }
  });
  for (const column of layout.columns) {
    if (column.required && !columns.has(column.key)) {
      errors.push({
        line: record.line,
        column: column.headers[0],
        code: 'missing-column',
        message: `The column "${column.headers[0]}" is missing.`,
      });
    }
  }
  return errors.length > 0 ? { errors } : { columns, spelled, width: record.fields.length };
}

function findColumn(columns: readonly CatalogColumn[], header: string): CatalogColumn | undefined {
  const key = headerKey(header);
  return columns.find((column) => column.headers.some((accepted) => headerKey(accepted) === key));
}

function readEntry(
  kind: CatalogKind,
  layout: CatalogLayout<CatalogKind>,
  header: Header,
  record: CsvRecord,
  options: CatalogImportOptions,
  errors: CatalogImportError[],
): CatalogEntry | null {
  const at = (key: string | undefined, code: CatalogImportError['code'], message: string): void => {
    const column = key === undefined ? undefined : (header.spelled.get(key) ?? key);
    errors.push({ line: record.line, ...(column === undefined ? {} : { column }), code, message });
  };
  if (record.fields.length !== header.width) {
    // Values would land in the wrong columns: nothing of the row can be trusted.
    at(
      undefined,
      'wrong-field-count',
      `The row has ${record.fields.length} fields where the header has ${header.width}.`,
    );
    return null;
  }
  const values = new Map<string, string>();
  for (const [key, position] of header.columns) values.set(key, record.fields[position] ?? '');
  const reader = new RowReader(values);
  const withdrawn = reader.flag('withdrawn');
  const row = layout.readRow(reader);
  for (const problem of reader.problems) at(problem.key, problem.code, problem.message);
  if (row === null || reader.problems.length > 0) return null;

  const detailsCheck = CATALOG_DETAILS_SCHEMAS[kind].safeParse(row.details);
  if (!detailsCheck.success) {
    for (const issue of detailsCheck.error.issues) at(String(issue.path[0] ?? 'code'), 'invalid-value', issue.message);
    return null;
  }
  const ruleProblems = layout.ruleProblems?.(row) ?? [];
  for (const problem of ruleProblems) {
    const column = header.spelled.get(problem.column) ?? problem.column;
    const message = RULE_MESSAGES[problem.code] ?? problem.code;
    errors.push({ line: record.line, column, code: 'rule-violated', rule: problem.code, message });
  }
  if (ruleProblems.length > 0) return null;

  const checked = catalogEntrySchema.safeParse({
    id: catalogEntryId(kind, row.code, options.effectiveFrom),
    kind,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    searchKey: foldVietnamese(row.name),
    provinceCode: options.provinceCode,
    effectiveFrom: options.effectiveFrom,
    effectiveTo: '',
    withdrawn,
    updatedAt: options.updatedAt ?? `${options.effectiveFrom}T00:00:00.000Z`,
    updatedBy: CATALOG_AUTHOR,
    details: row.details,
  });
  if (!checked.success) {
    for (const issue of checked.error.issues) at(String(issue.path[0] ?? 'code'), 'invalid-value', issue.message);
    return null;
  }
  return checked.data;
}
