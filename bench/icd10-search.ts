import { performance } from 'node:perf_hooks';
import { buildIcd10SearchIndex, searchIcd10 } from '../shared/catalog/icd10-search-index';
import { icd10BenchRows } from './icd10-bench-rows';

/**
 * `npm run bench:icd10`: the ICD-10 search index in Node at the size of the ministry's list
 * (icd10-bench-rows.ts). `npm run bench:clinical` times the same searches in Chromium.
 */
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

const rows = icd10BenchRows();

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
