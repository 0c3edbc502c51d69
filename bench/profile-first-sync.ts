import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launchChromium } from '../test/helpers/browser';
import { benchPatients } from './fixtures';
import { startSenServer } from './sen-server';
import { signedByRegistrar } from './signed-documents';
import { summariseProfile, type CpuProfile } from './browser-profile-summary';

/**
 * `npx tsx bench/profile-first-sync.ts [--documents 22000] [--at sealed|plain]`
 * A CPU profile of Sen's first sync in headless Chromium (CDP Profiler), summarised by self time
 * per phase, module and function, beside counters of the work done (seals, opens, pull calls) and
 * the network and the cipher measured alone. The page is built unminified, one file per module,
 * so that the profile names Sen's and RxDB's own modules. Writes bench/results/first-sync-profile*.
 */
const { values: args } = parseArgs({
  options: {
    documents: { type: 'string', default: '22000' },
    at: { type: 'string', default: 'sealed' },
  },
});
const documentCount = Number(args.documents);
const at = args.at === 'plain' ? 'plain' : 'sealed';
const log = (line: string): void => console.log(line);

await build({
  configFile: 'bench/vite.config.ts',
  build: {
    outDir: '../../dist/bench-profile',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { profile: resolve('bench/browser/profile.html') },
      output: { preserveModules: true },
    },
  },
});
const documents = await signedByRegistrar(benchPatients(documentCount));
const sen = await startSenServer();
await sen.load(documents);
const token = (await sen.enroll('profile-browser')).token;

const page = Fastify();
page.get('/documents.json', () => documents);
await page.register(fastifyStatic, { root: resolve('dist/bench-profile') });
await page.listen({ host: '127.0.0.1', port: 0 });
const address = page.server.address();
const pageUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : '';

const browser = await launchChromium();
const tab = await browser.newPage();
tab.on('pageerror', (error) => log(`page error: ${error.message}`));
await tab.goto(`${pageUrl}profile.html`);
await tab.waitForFunction(() => 'senProfile' in window);

// A warm-up sync, unprofiled: the first IndexedDB work of a fresh browser is slower.
log('• warm-up sync…');
await tab.evaluate(([url, t, n, a]) => window.senBench.senInitialSync(url, t, n, a), [
  sen.url,
  token,
  documentCount,
  at,
] as const);

const cdp = await tab.context().newCDPSession(tab);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await tab.evaluate(() => window.senProfile.resetCounters());
log(`• profiled first sync (${at})…`);
await cdp.send('Profiler.start');
const syncMs = await tab.evaluate(([url, t, n, a]) => window.senBench.senInitialSync(url, t, n, a), [
  sen.url,
  token,
  documentCount,
  at,
] as const);
const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
const counters = await tab.evaluate(() => window.senProfile.counters());

log('• the network and JSON alone, and the cipher alone…');
const pullAlone = await tab.evaluate(([url, t]) => window.senProfile.pullAlone(url, t, 2000), [
  sen.url,
  token,
] as const);
const cipherAlone = await tab.evaluate((url) => window.senProfile.cipherAlone(url, 1000), `${pageUrl}documents.json`);

await browser.close();
await page.close();
await sen.close();

const summary = summariseProfile(profile);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/first-sync-profile-${at}.cpuprofile`, JSON.stringify(profile));
const report = { documents: documentCount, at, syncMs, counters, pullAlone, cipherAlone, ...summary };
writeFileSync(`bench/results/first-sync-profile-${at}.json`, `${JSON.stringify(report, null, 2)}\n`);

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
log(`\nFirst sync of ${documentCount} documents (${at}): ${seconds(syncMs)}, profiled ${seconds(summary.totalMs)}`);
log(
  `seals ${counters.seals} (${(counters.seals / documentCount).toFixed(2)}/doc), opens ${counters.opens} (${(counters.opens / documentCount).toFixed(2)}/doc), pull calls ${counters.pullCalls}, time inside pull ${seconds(counters.pullMs)}`,
);
log(`network + JSON alone: ${seconds(pullAlone.ms)} for ${pullAlone.documents} documents`);
log(`cipher alone: seal ${seconds(cipherAlone.sealMs)}, open ${seconds(cipherAlone.openMs)}`);
log('\n| phase | self time | share |');
log('| --- | --- | --- |');
for (const { name, ms } of summary.byPhase)
  log(`| ${name} | ${seconds(ms)} | ${((ms / summary.totalMs) * 100).toFixed(1)} % |`);
log('\nmodules by self time:');
for (const { name, ms } of summary.byModule.slice(0, 25)) log(`  ${seconds(ms)}  ${name}`);
log('\nfunctions by self time:');
for (const { name, ms } of summary.byFunction.slice(0, 30)) log(`  ${seconds(ms)}  ${name}`);
log('\nphases by total time (a frame anywhere in the stack):');
for (const { name, ms } of summary.byPhaseInclusive) log(`  ${seconds(ms)}  ${name}`);
process.exit(0);
