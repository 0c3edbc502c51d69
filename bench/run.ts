import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launchChromium } from '../test/helpers/browser';
import { FaultProxy, PERFECT_LINK, type LinkProfile } from '../test/helpers/fault-proxy';
import { startCouchServer } from './couch-server';
import { benchPatients } from './fixtures';
import { addFacility, startSenServer } from './sen-server';
import { clientScaleRows, runClientScale } from './scale/client-scale';
import { runServerLoad } from './server-load';
import { measureServerSignatures } from './server-signatures';
import { signedByRegistrar } from './signed-documents';

/**
 * `npm run bench [-- --size large] [-- --load-seconds 60 --devices 200] [-- --skip-load --skip-scale]`
 * Every comparison is measured side by side in this one run and printed as a ratio.
 * The server load runs on PostgreSQL when SEN_BENCH_DATABASE_URL is set, else on PGlite.
 */
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    'load-seconds': { type: 'string', default: '60' },
    devices: { type: 'string', default: '200' },
    'skip-load': { type: 'boolean', default: false },
    'skip-scale': { type: 'boolean', default: false },
  },
});
const SIZES = {
  default: { patients: 2000, clinical: 20_000 },
  large: { patients: 20_000, clinical: 200_000 },
} as const;
const size = args.size === 'large' ? SIZES.large : SIZES.default;
const documentCount = size.patients + size.clinical;
const KBIT = 1000 / 8;
const SLOW_LINK: LinkProfile = { ...PERFECT_LINK, latencyMs: 300, bytesPerSecond: 256 * KBIT };
const SLOW_LINK_DOCUMENTS = 2000;
const ROUNDS = 2;

const log = (line: string): void => console.log(line);
log(
  `Sen benchmarks: ${documentCount.toLocaleString('en')} documents (${args.size}), headless Chromium, real IndexedDB`,
);

await build({ configFile: 'bench/vite.config.ts' });
const plainDocuments = benchPatients(documentCount);
// Sen's documents travel signed (the envelope beside each body); PouchDB's peer has no such thing.
const documents = await signedByRegistrar(plainDocuments);

const sen = await startSenServer();
await sen.load(documents);
const senToken = (await sen.enroll('bench-browser')).token;
const couch = await startCouchServer(plainDocuments);
const senLink = new FaultProxy(() => Number(new URL(sen.url).port), PERFECT_LINK);
const couchLink = new FaultProxy(() => Number(new URL(couch.url).port), PERFECT_LINK);
await senLink.start();
await couchLink.start();

const page = Fastify();
page.get('/documents.json', () => documents);
await page.register(fastifyStatic, { root: resolve('dist/bench') });
await page.listen({ host: '127.0.0.1', port: 0 });
const pageAddress = page.server.address();
const pageUrl = typeof pageAddress === 'object' && pageAddress ? `http://127.0.0.1:${pageAddress.port}/` : '';

const browser = await launchChromium();
const tab = await browser.newPage();
tab.on('pageerror', (error) => log(`page error: ${error.message}`));
await tab.goto(pageUrl);
await tab.waitForFunction(() => 'senBench' in window);

const wireBytes = (link: FaultProxy): number => link.stats.bytesUp + link.stats.bytesDown;
const measure = async (link: FaultProxy, run: () => Promise<number>): Promise<{ ms: number; bytes: number }> => {
  const before = wireBytes(link);
  const ms = await run();
  return { ms, bytes: wireBytes(link) - before };
};

// Alternating rounds, best of each: the first IndexedDB work of a fresh browser is slower, and
// neither contender should pay for it alone.
const senRounds: { ms: number; bytes: number }[] = [];
const senPlainRounds: { ms: number; bytes: number }[] = [];
const pouchRounds: { ms: number; bytes: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  log(`• round ${round}: Sen initial sync…`);
  senRounds.push(
    await measure(senLink, () =>
      tab.evaluate(([url, token, expected]) => window.senBench.senInitialSync(url, token, expected), [
        senLink.url,
        senToken,
        documentCount,
      ] as const),
    ),
  );
  // The same sync into the same database without encryption at rest: what the sealing costs.
  log(`• round ${round}: Sen initial sync without encryption at rest…`);
  senPlainRounds.push(
    await measure(senLink, () =>
      tab.evaluate(([url, token, expected]) => window.senBench.senInitialSync(url, token, expected, 'plain'), [
        senLink.url,
        senToken,
        documentCount,
      ] as const),
    ),
  );
  log(`• round ${round}: PouchDB initial sync…`);
  pouchRounds.push(
    await measure(couchLink, () =>
      tab.evaluate(([url, expected]) => window.senBench.pouchInitialSync(url, expected), [
        `${couchLink.url}/patients`,
        documentCount,
      ] as const),
    ),
  );
}
const best = (rounds: { ms: number; bytes: number }[]): { ms: number; bytes: number } =>
  rounds.reduce((fastest, round) => (round.ms < fastest.ms ? round : fastest));
const senRun = best(senRounds);
const senPlainRun = best(senPlainRounds);
const pouchRun = best(pouchRounds);
log('• Dexie bulkPut…');
const dexieMs = await tab.evaluate((url) => window.senBench.dexieBulkPut(url), `${pageUrl}documents.json`);
// Sealed and plain alternate too, best of each.
let rxdbMs = Infinity;
let rxdbPlainMs = Infinity;
for (let round = 1; round <= ROUNDS; round++) {
  log(`• round ${round}: RxDB bulkInsert (no sync)…`);
  rxdbMs = Math.min(
    rxdbMs,
    await tab.evaluate((url) => window.senBench.rxdbBulkInsert(url), `${pageUrl}documents.json`),
  );
  log(`• round ${round}: RxDB bulkInsert without encryption at rest…`);
  rxdbPlainMs = Math.min(
    rxdbPlainMs,
    await tab.evaluate((url) => window.senBench.rxdbBulkInsert(url, 'plain'), `${pageUrl}documents.json`),
  );
}

log('• Offline login check and audit trail appends…');
const loginMs = await tab.evaluate(() => window.senBench.loginCheck());
const loginWithKeyMs = await tab.evaluate(() => window.senBench.loginWithKey());
const AUDIT_ENTRIES = 300;
const auditMs = await tab.evaluate((entries) => window.senBench.auditAppend(entries), AUDIT_ENTRIES);
log('• Outbox writes with 10,000 records waiting…');
const OUTBOX_BACKLOG = 10_000;
const outboxMs = await tab.evaluate(({ backlog, writes }) => window.senBench.outboxWriteAtBacklog(backlog, writes), {
  backlog: OUTBOX_BACKLOG,
  writes: 50,
});

log('• Signing: client writes signed and unsigned…');
const SIGNED_WRITES = 200;
const signingMs = await tab.evaluate((writes) => window.senBench.signedWrites(writes), SIGNED_WRITES);
log('• Signing: the server checking a 500-row push…');
const serverSignatures = await measureServerSignatures();

log('• Sen on a 256 kbit/s link with 600 ms round trip…');
const slowCode = await addFacility(sen, '10020');
await sen.load(await signedByRegistrar(benchPatients(SLOW_LINK_DOCUMENTS, '10020'), '10020'), slowCode);
const slowToken = (await sen.enroll('slow-pc', slowCode)).token;
senLink.setProfile(SLOW_LINK);
const slowRun = await measure(senLink, () =>
  tab.evaluate(([url, token, expected]) => window.senBench.senInitialSync(url, token, expected), [
    senLink.url,
    slowToken,
    SLOW_LINK_DOCUMENTS,
  ] as const),
);
const slowLimitMs = (slowRun.bytes / SLOW_LINK.bytesPerSecond) * 1000;

await browser.close();
await page.close();
await senLink.stop();
await couchLink.stop();
await couch.close();
await sen.close();

const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const results: Record<string, unknown> = {
  documents: documentCount,
  initialSync: {
    sen: {
      ms: Math.round(senRun.ms),
      documentsPerSecond: perSecond(documentCount, senRun.ms),
      wireBytes: senRun.bytes,
    },
    pouchdb: {
      ms: Math.round(pouchRun.ms),
      documentsPerSecond: perSecond(documentCount, pouchRun.ms),
      wireBytes: pouchRun.bytes,
    },
    speedRatio: pouchRun.ms / senRun.ms,
    bytesRatio: senRun.bytes / pouchRun.bytes,
  },
  localLimit: {
    dexieBulkPutMs: Math.round(dexieMs),
    rxdbBulkInsertMs: Math.round(rxdbMs),
    fractionOfLimit: dexieMs / senRun.ms,
  },
  security: {
    loginCheckMs: Math.round(loginMs),
    loginWithKeyMs: Math.round(loginWithKeyMs),
    auditAppendMsPerEntry: { chained: Number(auditMs.chained.toFixed(2)), plain: Number(auditMs.plain.toFixed(2)) },
  },
  outbox: {
    backlog: OUTBOX_BACKLOG,
    perEntryMsPerWrite: Number(outboxMs.perEntry.toFixed(2)),
    oneDocumentMsPerWrite: Number(outboxMs.oneDocument.toFixed(2)),
  },
  encryptionAtRest: {
    initialSyncMs: Math.round(senRun.ms),
    plainInitialSyncMs: Math.round(senPlainRun.ms),
    initialSyncRatio: senRun.ms / senPlainRun.ms,
    bulkInsertMs: Math.round(rxdbMs),
    plainBulkInsertMs: Math.round(rxdbPlainMs),
    bulkInsertRatio: rxdbMs / rxdbPlainMs,
  },
  signing: {
    clientWrites: SIGNED_WRITES,
    clientMsPerWrite: { signed: Number(signingMs.signed.toFixed(2)), unsigned: Number(signingMs.unsigned.toFixed(2)) },
    clientMsPerSignature: Number(signingMs.signatureAlone.toFixed(3)),
    server: serverSignatures,
  },
  slowLink: {
    documents: SLOW_LINK_DOCUMENTS,
    ms: Math.round(slowRun.ms),
    wireBytes: slowRun.bytes,
    bytesOverBandwidthMs: Math.round(slowLimitMs),
    ratio: slowRun.ms / slowLimitMs,
  },
};

log('');
log(`| measure | Sen | peer or limit | ratio |`);
log(`| --- | --- | --- | --- |`);
/** "Sen 1.3× faster" or "Sen 1.2× slower": a ratio below one read the right way round. */
function speedWords(speedup: number): string {
  return speedup >= 1 ? `Sen ${speedup.toFixed(2)}× faster` : `Sen ${(1 / speedup).toFixed(2)}× slower`;
}

log(
  `| initial sync, ${documentCount.toLocaleString('en')} docs | ${(senRun.ms / 1000).toFixed(1)} s (${perSecond(documentCount, senRun.ms)} docs/s) | PouchDB ${(pouchRun.ms / 1000).toFixed(1)} s (${perSecond(documentCount, pouchRun.ms)} docs/s) | ${speedWords(pouchRun.ms / senRun.ms)} |`,
);
log(
  `| bytes on the wire | ${kib(senRun.bytes)} | PouchDB ${kib(pouchRun.bytes)} | Sen ${(senRun.bytes / pouchRun.bytes).toFixed(2)}× the bytes |`,
);
log(
  `| vs local limit | ${(senRun.ms / 1000).toFixed(1)} s | Dexie bulkPut ${(dexieMs / 1000).toFixed(1)} s | Sen at ${(dexieMs / senRun.ms).toFixed(2)} of the limit |`,
);
log(
  `| where it goes | RxDB bulkInsert alone ${(rxdbMs / 1000).toFixed(1)} s | Dexie bulkPut ${(dexieMs / 1000).toFixed(1)} s | RxDB at ${(dexieMs / rxdbMs).toFixed(2)} of the limit |`,
);
log(
  `| encryption at rest: initial sync | ${(senRun.ms / 1000).toFixed(1)} s | the same without encryption ${(senPlainRun.ms / 1000).toFixed(1)} s | ${(senRun.ms / senPlainRun.ms).toFixed(2)}× the time |`,
);
log(
  `| encryption at rest: RxDB bulkInsert | ${(rxdbMs / 1000).toFixed(1)} s | the same without encryption ${(rxdbPlainMs / 1000).toFixed(1)} s | ${(rxdbMs / rxdbPlainMs).toFixed(2)}× the time |`,
);
log(
  `| offline login check (PBKDF2-SHA256, 600,000 iterations) | ${loginMs.toFixed(0)} ms | the 1 s a clerk may wait | ${(loginMs / 1000).toFixed(2)} of it |`,
);
log(
  `| login with the signing key unsealed beside the check | ${loginWithKeyMs.toFixed(0)} ms | the check alone ${loginMs.toFixed(0)} ms | ${(loginWithKeyMs / loginMs).toFixed(2)}× the time |`,
);
log(
  `| audit trail append, ${AUDIT_ENTRIES} entries | ${auditMs.chained.toFixed(1)} ms per entry, chained | the same entries written unchained ${auditMs.plain.toFixed(1)} ms | ${(auditMs.chained / auditMs.plain).toFixed(2)}× the time |`,
);
log(
  `| outbox write, ${OUTBOX_BACKLOG.toLocaleString('en')} records unsent | ${outboxMs.perEntry.toFixed(1)} ms, one entry per record | one document rewritten each time ${outboxMs.oneDocument.toFixed(1)} ms | ${(outboxMs.oneDocument / outboxMs.perEntry).toFixed(0)}× faster |`,
);
log(
  `| signing: a patient write on the PC (insert + edit, ${SIGNED_WRITES} each) | ${signingMs.signed.toFixed(2)} ms per write, signed (the signature alone ${signingMs.signatureAlone.toFixed(2)} ms) | the same writes unsigned ${signingMs.unsigned.toFixed(2)} ms | ${(signingMs.signed / signingMs.unsigned).toFixed(2)}× the time |`,
);
log(
  `| signing: the server taking a 500-row push | ${serverSignatures.pushSignedMs.toFixed(0)} ms, every signature checked | the same push unchecked ${serverSignatures.pushUncheckedMs.toFixed(0)} ms | ${(serverSignatures.pushSignedMs / serverSignatures.pushUncheckedMs).toFixed(2)}× the time |`,
);
log(
  `| signing: checking 500 signatures alone | WebCrypto ${serverSignatures.verifyWebCryptoMs.toFixed(0)} ms | node:crypto ${serverSignatures.verifyNodeMs.toFixed(0)} ms | WebCrypto ${(serverSignatures.verifyNodeMs / serverSignatures.verifyWebCryptoMs).toFixed(2)}× as fast |`,
);
log(
  `| 256 kbit/s, 600 ms RTT, ${SLOW_LINK_DOCUMENTS} docs | ${(slowRun.ms / 1000).toFixed(1)} s | bytes ÷ bandwidth ${(slowLimitMs / 1000).toFixed(1)} s (${kib(slowRun.bytes)}) | ${(slowRun.ms / slowLimitMs).toFixed(2)}× the limit |`,
);

if (!args['skip-load']) {
  const databaseUrl = process.env.SEN_BENCH_DATABASE_URL;
  log('');
  log(
    `• Server load: ${args.devices} devices for ${args['load-seconds']} s on ${databaseUrl ? 'PostgreSQL' : 'PGlite (set SEN_BENCH_DATABASE_URL for PostgreSQL)'}…`,
  );
  const loadServer = await startSenServer({ databaseUrl });
  const load = await runServerLoad(loadServer, Number(args.devices), Number(args['load-seconds']));
  await loadServer.close();
  results.serverLoad = { engine: databaseUrl ? 'postgres' : 'pglite', ...load };
  log(
    `| server load | ${load.devices} devices, ${load.documentsPerSecond.toFixed(0)} docs/s pushed, ${load.requests} requests in ${load.seconds.toFixed(0)} s | push p50/p95/p99 ${load.pushMs.p50}/${load.pushMs.p95}/${load.pushMs.p99} ms, pull ${load.pullMs.p50}/${load.pullMs.p95}/${load.pullMs.p99} ms | errors ${load.errors}, lost ${load.lost} |`,
  );
}

// The client at the facility's size: the realistic mix, memory, flatness, frames, backlog push.
if (!args['skip-scale']) {
  log('');
  const scale = await runClientScale(size.patients, log);
  results.clientScale = scale;
  for (const row of clientScaleRows(scale)) log(row);
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${args.size}.json`, `${JSON.stringify(results, null, 2)}\n`);
log(`\nWritten to bench/results/${args.size}.json`);
process.exit(0);
