import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIcd10SearchIndex, searchIcd10 } from '../shared/catalog/icd10-search-index';
import { parseCatalogCsv } from '../server/catalog/parse-catalog-csv';

/**
 * `npm run bench:icd10`: the ICD-10 search index at the size of the ministry's list. The seed's
 * real names are repeated under distinct codes up to 15,840 rows, so every word is ~40 times
 * as common as in the real list: posting lists are longer than they will be, not shorter.
 */
const TARGET_ROWS = 15_840;
const ROUNDS = 300;
const QUERIES = [
  'viem phoi',
  'j18',
  'j18.9',
  'tang huyet ap',
  'dai thao duong',
  'v',
  'k',
  'gay xuong',
  'khong dac hieu',
  'sot xuat huyet',
  'o80',
  'pneumonia',
];

const seed = parseCatalogCsv('icd10', readFileSync(join(import.meta.dirname, '../server/catalog/seed/icd10.csv')), {
  provinceCode: '15',
  effectiveFrom: '2026-01-01',
});
if (!seed.ok) throw new Error('The ICD-10 seed does not parse.');
const rows = [];
for (let copy = 0; rows.length < TARGET_ROWS; copy += 1) {
  for (const entry of seed.documents) {
    rows.push({ ...entry, code: copy === 0 ? entry.code : `${entry.code.slice(0, 3)}.${copy}` });
    if (rows.length === TARGET_ROWS) break;
  }
}

const buildStart = performance.now();
const index = buildIcd10SearchIndex(rows);
const buildMs = performance.now() - buildStart;

const all: number[] = [];
console.log(`rows ${rows.length}, distinct words ${index.words.length}, build ${buildMs.toFixed(1)} ms`);
console.log('query'.padEnd(18), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
for (const query of QUERIES) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    searchIcd10(index, query, 20);
    times.push(performance.now() - start);
  }
  all.push(...times);
  console.log(query.padEnd(18), ...[0.5, 0.95, 1].map((q) => percentile(times, q).toFixed(3).padStart(8)));
}
console.log('all queries'.padEnd(18), ...[0.5, 0.95, 1].map((q) => percentile(all, q).toFixed(3).padStart(8)));

function percentile(values: number[], quantile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
}
