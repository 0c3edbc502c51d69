import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession } from 'playwright-core';
import { build } from 'vite';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import { startSenServer } from '../sen-server';
import { clinicalMix, MIX_DOCUMENTS_PER_PATIENT, mixSize } from './clinical-mix';
import type { BacklogReport, FirstSyncReport } from './scale-page';
import { MIX_AUTHORS, pushMix, signedMix } from './signed-mix';

/**
 * The client at a facility's size (issue 14), measured side by side in one run:
 * - a first sync of the realistic mix (patients and their clinical history) through the real
 *   sync client: the renderer's peak memory and the time per 10,000 documents, first to last;
 * - the frames of the page while it syncs (none should take over 100 ms);
 * - a backlog of ~10,000 documents written offline, then pushed by the real client, against the
 *   same documents pushed straight from Node in the same page size: the server's accept rate.
 */

/** The client's push batch (renderer/sync/collection-replication.ts PUSH_BATCH): the same page size. */
const CLIENT_PUSH_PAGE = 200;
/** Patients whose history makes the ~10,000-document backlog (910 × 11 = 10,010). */
export const BACKLOG_PATIENTS = Math.ceil(10_000 / MIX_DOCUMENTS_PER_PATIENT);

export interface ClientScaleResults {
  firstSync: {
    documents: number;
    ms: number;
    documentsPerSecond: number;
    /** ms per 10,000 documents, from the first stored document on */
    msPer10000: number[];
    firstDecileMs: number;
    lastDecileMs: number;
    lastOverFirstDecile: number;
    peakJsHeapUsedMb: number;
    peakPageHeapMb: number;
    peakRendererRssMb: number | null;
    frames: FirstSyncReport['frames'];
  };
  backlog: {
    documents: number;
    clientMs: number;
    clientDocumentsPerSecond: number;
    serverMs: number;
    serverDocumentsPerSecond: number;
    ratio: number;
    offlineWriteMs: number;
    unsent: number;
    held: string[];
    frames: BacklogReport['frames'];
  };
}

/**
 * Samples the page's JS heap (CDP Performance.getMetrics JSHeapUsedSize) and the resident memory
 * of the largest renderer process: CDP lists the browser's renderers without saying which shows
 * which page, and the bench's page is the one holding the most (the others are spares).
 */
function sampleRenderer(
  page: CDPSession,
  browser: CDPSession | undefined,
): { stop: () => { heap: number; rss: number | null } } {
  let heap = 0;
  let rss: number | null = null;
  const sample = async (): Promise<void> => {
    const { metrics } = await page.send('Performance.getMetrics');
    heap = Math.max(heap, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
    if (!browser) return;
    const info = (await browser.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    for (const process of info.processInfo)
      if (process.type === 'renderer') rss = Math.max(rss ?? 0, residentBytes(process.id));
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 500);
  return {
    stop: () => {
      clearInterval(timer);
      return { heap, rss };
    },
  };
}

function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function runClientScale(
  patients: number,
  log: (line: string) => void,
  backlogPatients = BACKLOG_PATIENTS,
): Promise<ClientScaleResults> {
  const documentCount = patients * MIX_DOCUMENTS_PER_PATIENT;
  log(
    `• Client at scale: ${documentCount.toLocaleString('en')} documents (${patients.toLocaleString('en')} patients with their clinical history)…`,
  );
  await build({ configFile: 'bench/scale/vite.config.ts' });
  const host = Fastify();
  await host.register(fastifyStatic, { root: resolve('dist/bench-scale') });
  await host.listen({ host: '127.0.0.1', port: 0 });
  const address = host.server.address();
  const pageUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : '';

  const started = performance.now();
  const mix = signedMix(clinicalMix(patients, MIX_AUTHORS));
  const sen = await startSenServer();
  await pushMix(sen.url, (await sen.enroll('loader')).token, await mix, 500);
  log(`  loaded the server in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // A profile on disk, as the product's: IndexedDB in an incognito context lives in memory.
  const profile = mkdtempSync(join(tmpdir(), 'sen-bench-scale-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // performance.memory to the byte instead of rounded buckets.
      '--enable-precise-memory-info',
    ],
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    tab.on('pageerror', (error) => log(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') log(`page ${message.type()}: ${message.text()}`);
    });
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'senScale' in window);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const browserCdp = await context.browser()?.newBrowserCDPSession();

    log(`• First sync of ${documentCount.toLocaleString('en')} documents (patients, visits, orders, observations)…`);
    const token = (await sen.enroll('bench-scale')).token;
    const memory = sampleRenderer(cdp, browserCdp);
    const reporter = setInterval(() => {
      void tab
        .evaluate(() => window.senScale.progress())
        .then(({ stored }) => log(`  ${stored.toLocaleString('en')} stored`))
        .catch(() => undefined);
    }, 30_000);
    const sync = await tab.evaluate(
      ([url, credential, expected]) => window.senScale.firstSync(url, credential, expected),
      [sen.url, token, documentCount] as const,
    );
    clearInterval(reporter);
    const peak = memory.stop();
    if (sync.documents !== documentCount) throw new Error(`the client holds ${sync.documents} of ${documentCount}`);
    await sen.close();

    log(
      `• Backlog: ${(backlogPatients * MIX_DOCUMENTS_PER_PATIENT).toLocaleString('en')} documents written offline, then pushed…`,
    );
    // Side by side: the server taking the same documents straight from Node, before and after
    // the client (each on a fresh server), the faster kept.
    const backlogMix = clinicalMix(backlogPatients, MIX_AUTHORS, 23);
    const signedBacklog = await signedMix(backlogMix);
    const direct = async (): Promise<number> => {
      const server = await startSenServer();
      try {
        return await pushMix(server.url, (await server.enroll('direct')).token, signedBacklog, CLIENT_PUSH_PAGE);
      } finally {
        await server.close();
      }
    };
    const directBefore = await direct();
    const clientServer = await startSenServer();
    const pushReporter = setInterval(() => {
      void tab
        .evaluate(() => window.senScale.progress())
        .then(({ outbox, held }) => log(`  ${outbox.toLocaleString('en')} in the outbox, ${held} held`))
        .catch(() => undefined);
    }, 30_000);
    const backlog = await tab.evaluate(
      ([url, credential, count, accounts, password]) =>
        window.senScale.backlogPush(url, credential, count, accounts, password),
      [
        clientServer.url,
        (await clientServer.enroll('offline-pc')).token,
        backlogPatients,
        {
          registrar: { id: DEMO_STAFF.registrar.id, sealedKey: DEMO_STAFF.registrar.sealedKey },
          doctor: { id: DEMO_STAFF.doctor.id, sealedKey: DEMO_STAFF.doctor.sealedKey },
          labTechnician: { id: DEMO_STAFF.labTechnician.id, sealedKey: DEMO_STAFF.labTechnician.sealedKey },
        },
        DEMO_PASSWORD,
      ] as const,
    );
    clearInterval(pushReporter);
    await clientServer.close();
    const serverMs = Math.min(directBefore, await direct());
    const backlogDocuments = mixSize(backlogMix);
    if (backlog.documents !== backlogDocuments)
      throw new Error(`backlog of ${backlog.documents}, not ${backlogDocuments}`);

    const flat = flatness(sync);
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      firstSync: {
        documents: documentCount,
        ms: Math.round(sync.ms),
        documentsPerSecond: Math.round((documentCount / sync.ms) * 1000),
        ...flat,
        peakJsHeapUsedMb: mb(peak.heap),
        peakPageHeapMb: mb(sync.peakUsedJsHeapBytes),
        peakRendererRssMb: peak.rss === null ? null : mb(peak.rss),
        frames: sync.frames,
      },
      backlog: {
        documents: backlogDocuments,
        clientMs: Math.round(backlog.pushMs),
        clientDocumentsPerSecond: Math.round((backlogDocuments / backlog.pushMs) * 1000),
        serverMs: Math.round(serverMs),
        serverDocumentsPerSecond: Math.round((backlogDocuments / serverMs) * 1000),
        ratio: serverMs / backlog.pushMs,
        offlineWriteMs: Math.round(backlog.writeMs),
        unsent: backlog.unsent,
        held: backlog.held,
        frames: backlog.frames,
      },
    };
  } finally {
    await context.close();
    await host.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The time per 10,000 documents and per tenth of the sync, counted from the first document
 * stored (before it: enrolment and the first requests, which no later page pays).
 */
function flatness(
  sync: FirstSyncReport,
): Pick<ClientScaleResults['firstSync'], 'msPer10000' | 'firstDecileMs' | 'lastDecileMs' | 'lastOverFirstDecile'> {
  const at = (documents: number): number => {
    if (documents <= 0) return sync.firstStoredMs;
    const mark = sync.marks[Math.round(documents / sync.markEvery) - 1];
    return mark ?? sync.ms;
  };
  const msPer10000: number[] = [];
  for (let from = 0; from < sync.documents; from += 10_000)
    msPer10000.push(Math.round(at(Math.min(from + 10_000, sync.documents)) - at(from)));
  const tenth = sync.documents / 10;
  const firstDecileMs = at(tenth) - at(0);
  const lastDecileMs = at(sync.documents) - at(sync.documents - tenth);
  return {
    msPer10000,
    firstDecileMs: Math.round(firstDecileMs),
    lastDecileMs: Math.round(lastDecileMs),
    lastOverFirstDecile: lastDecileMs / firstDecileMs,
  };
}

/** The lines of the bench's table for these results. */
export function clientScaleRows(results: ClientScaleResults): string[] {
  const { firstSync: sync, backlog } = results;
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const frames = sync.frames;
  return [
    `| first sync, ${sync.documents.toLocaleString('en')} docs (patients + clinical) | ${s(sync.ms)} (${sync.documentsPerSecond} docs/s) | — | — |`,
    `| renderer peak memory during it | JS heap ${sync.peakJsHeapUsedMb} MB (CDP JSHeapUsedSize), process RSS ${sync.peakRendererRssMb ?? '?'} MB | goal 500 MB | ${(Math.max(sync.peakJsHeapUsedMb, sync.peakRendererRssMb ?? 0) / 500).toFixed(2)} of it |`,
    `| time per tenth of the sync, last vs first | ${s(sync.lastDecileMs)} | first tenth ${s(sync.firstDecileMs)} | ${sync.lastOverFirstDecile.toFixed(2)}× |`,
    `| per 10,000 docs, first to last | ${sync.msPer10000.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s | — | — |`,
    `| frames during the first sync | longest ${frames.longestFrameMs.toFixed(0)} ms, ${frames.framesOver100Ms} over 100 ms (of ${frames.frames}) | goal: none over 100 ms | long tasks: longest ${frames.longestTaskMs.toFixed(0)} ms, ${frames.tasksOver100Ms} over 100 ms |`,
    `| backlog push, ${backlog.documents.toLocaleString('en')} docs written offline | client ${s(backlog.clientMs)} (${backlog.clientDocumentsPerSecond} docs/s) | server accepting them from Node, pages of ${CLIENT_PUSH_PAGE}: ${s(backlog.serverMs)} (${backlog.serverDocumentsPerSecond} docs/s) | client at ${backlog.ratio.toFixed(2)} of the server's rate |`,
    `| frames during the backlog push | longest ${backlog.frames.longestFrameMs.toFixed(0)} ms, ${backlog.frames.framesOver100Ms} over 100 ms | goal: none over 100 ms | long tasks: longest ${backlog.frames.longestTaskMs.toFixed(0)} ms, ${backlog.frames.tasksOver100Ms} over 100 ms |`,
  ];
}
