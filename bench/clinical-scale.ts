import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { DOCUMENTS_PER_PATIENT } from './clinical/clinical-fixtures';
import { icd10BenchRows } from './icd10-bench-rows';

/**
 * `npm run bench:clinical [-- --patients 100000 --baseline 1000 --patients-only]`: issue 10's speed budgets, on
 * a facility database of 100,000 patients and 1,000,000 clinical documents in headless Chromium
 * (the product's database: RxDB on Dexie on IndexedDB on disk, sealed at rest). Each figure is
 * printed beside its budget and beside the same measure on a small database (`--baseline`
 * patients) taken earlier in the same run: what the size costs. `--patients-only` stores no
 * clinical documents: enough for the patient measures (search, possible duplicates), in minutes.
 */
const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    baseline: { type: 'string', default: '1000' },
    'patients-only': { type: 'boolean', default: false },
  },
});
const FULL = Number(args.patients);
const BASELINE = Math.min(Number(args.baseline), FULL);
const LOAD_STEP = 10_000;
const PATIENTS_ONLY = args['patients-only'];
const BUDGET = { icd10: 30, patientSearch: 30, duplicateCheck: 30, vitalsSave: 50, memoryMb: 400 } as const;

const log = (line: string): void => console.log(line);
log(
  `Sen clinical-scale bench: ${FULL.toLocaleString('en')} patients, ${(PATIENTS_ONLY ? 0 : FULL * DOCUMENTS_PER_PATIENT).toLocaleString('en')} clinical documents`,
);

await build({ configFile: 'bench/clinical/vite.config.ts' });
const icd10 = icd10BenchRows();
const host = Fastify({ bodyLimit: 1 });
host.get('/icd10.json', () => icd10);
await host.register(fastifyStatic, { root: resolve('dist/bench-clinical') });
await host.listen({ host: '127.0.0.1', port: 0 });
const address = host.server.address();
const pageUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : '';

// A profile on disk, as the product's: IndexedDB in an incognito context would live in memory.
const profile = mkdtempSync(join(tmpdir(), 'sen-bench-clinical-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'senClinicalBench' in window);
  await page.evaluate(() => window.senClinicalBench.open());
  const catalogRows = await page.evaluate((url) => window.senClinicalBench.loadCatalog(url), `${pageUrl}icd10.json`);
  log(`• ICD-10 catalog stored: ${catalogRows.toLocaleString('en')} entries`);

  await load(page, 0, BASELINE);
  const small = await measureAll(page);
  for (let from = BASELINE; from < FULL; from += LOAD_STEP) await load(page, from, Math.min(FULL, from + LOAD_STEP));
  const large = await measureAll(page);
  const memory = await rendererMemory(page);
  await page.evaluate(() => window.senClinicalBench.close());

  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const rows: [string, string, string, string][] = [
    row('ICD-10 search p95 (8 queries × 40)', large.icd10.p95, small.icd10.p95, BUDGET.icd10),
    row('patient search p95 (9 queries × 20)', large.patientSearch.p95, small.patientSearch.p95, BUDGET.patientSearch),
    row(
      'possible duplicates before saving p95 (200 registrations)',
      large.duplicateCheck.p95,
      small.duplicateCheck.p95,
      BUDGET.duplicateCheck,
    ),
    row('vital signs saved p95 (200 saves)', large.vitalsSave.p95, small.vitalsSave.p95, BUDGET.vitalsSave),
    [
      "a patient's visits, orders, observations read p95",
      ms(large.history.p95),
      ms(small.history.p95),
      `${(large.history.p95 / small.history.p95).toFixed(2)}× the small database`,
    ],
    [
      'renderer memory (process RSS; JS heap)',
      `${memory.rssMb.toFixed(0)} MB; ${memory.heapMb.toFixed(0)} MB`,
      `budget ${BUDGET.memoryMb} MB`,
      `${(memory.rssMb / BUDGET.memoryMb).toFixed(2)} of the budget`,
    ],
  ];
  log('');
  log(`| measure | at ${FULL.toLocaleString('en')} patients | at ${BASELINE.toLocaleString('en')} | ratio |`);
  log('| --- | --- | --- | --- |');
  for (const cells of rows) log(`| ${cells.join(' | ')} |`);
  log('');
  log(`ICD-10 index build on first search: ${ms(large.icd10Build)} (small database ${ms(small.icd10Build)})`);
  log(
    `p50: ICD-10 ${ms(large.icd10.p50)}, patient search ${ms(large.patientSearch.p50)}, possible duplicates ${ms(large.duplicateCheck.p50)} (${large.duplicateCheck.found.toFixed(0)} look-alikes found per registration on average), vitals ${ms(large.vitalsSave.p50)}`,
  );

  function row(label: string, at: number, before: number, budget: number): [string, string, string, string] {
    return [
      label,
      ms(at),
      ms(before),
      `${(at / budget).toFixed(2)} of the ${budget} ms budget; ${(at / before).toFixed(2)}× the small database`,
    ];
  }
} finally {
  await context.close();
  await host.close();
  rmSync(profile, { recursive: true, force: true });
}

async function load(page: Page, from: number, to: number): Promise<void> {
  const stored = await page.evaluate(([a, b, clinical]) => window.senClinicalBench.loadPatients(a, b, clinical), [
    from,
    to,
    !PATIENTS_ONLY,
  ] as const);
  log(
    `• stored ${stored.patients.toLocaleString('en')} patients, ${stored.clinical.toLocaleString('en')} clinical documents (+${to - from} patients in ${(stored.ms / 1000).toFixed(1)} s)`,
  );
}

async function measureAll(page: Page) {
  // A fresh repository index each time: the first search after a load pays the build.
  const icd10Build = await page.evaluate(() => window.senClinicalBench.icd10IndexBuild());
  return {
    icd10Build,
    icd10: await page.evaluate(() => window.senClinicalBench.icd10Search(40)),
    patientSearch: await page.evaluate(() => window.senClinicalBench.patientSearch(20)),
    duplicateCheck: await page.evaluate(() => window.senClinicalBench.duplicateCheck(200)),
    history: await page.evaluate(() => window.senClinicalBench.patientHistory(100)),
    vitalsSave: await page.evaluate(() => window.senClinicalBench.vitalsSave(200)),
  };
}

/** The page's renderer process as the OS sees it (RSS), and its JS heap after a collection. */
async function rendererMemory(page: Page): Promise<{ rssMb: number; heapMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { rssMb: largestRendererRssKb() / 1024, heapMb: heap.usedSize / 1024 / 1024 };
}

/** Renderer processes of the Chromium using this run's profile; the page's is the largest. */
function largestRendererRssKb(): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const processes = table
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map(([, pid, ppid, rss, command]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      rss: Number(rss),
      command: command ?? '',
    }));
  const browser = processes.find(
    (p) => p.command.includes(`--user-data-dir=${profile}`) && !p.command.includes('--type='),
  );
  if (!browser) return Number.NaN;
  const ours = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  const renderers = processes.filter((p) => ours.has(p.pid) && p.command.includes('--type=renderer'));
  return Math.max(...renderers.map((p) => p.rss));
}
