import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launchChromium } from '../test/helpers/browser';
import type { ChartOpening } from './chart/chart-bench-page';

/**
 * `npm run bench:chart [-- --visits 200 --rounds 40]`: opening the chart of a patient with 200
 * visits (each with vital signs, two results and a prescription of two drugs) in headless
 * Chromium, on the real sealed database: read by the patient indexes, derived, rendered by
 * React and committed. p50/p95 over repeated openings, beside the 150 ms budget.
 */
const BUDGET_MS = 150;
const WARM_UP = 3;
const { values: args } = parseArgs({
  options: { visits: { type: 'string', default: '200' }, rounds: { type: 'string', default: '40' } },
});
const visits = Number(args.visits);
const rounds = Number(args.rounds);

await build({ configFile: 'bench/chart/vite.config.ts' });
const host = Fastify();
await host.register(fastifyStatic, { root: resolve('dist/bench-chart') });
await host.listen({ host: '127.0.0.1', port: 0 });
const address = host.server.address();
const url = typeof address === 'object' && address ? `http://127.0.0.1:${String(address.port)}/` : '';

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'senChartBench' in window);
  const openings: ChartOpening[] = await page.evaluate(
    ([count, times]) => window.senChartBench.measureChartOpenings(count, times),
    [visits, rounds + WARM_UP] as const,
  );
  const [first] = openings;
  const measured = openings.slice(WARM_UP);
  if (measured.some((opening) => opening.visitsShown !== visits)) throw new Error('not every visit was rendered');

  const percentile = (values: number[], quantile: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  };
  const row = (label: string, values: number[]): string =>
    `${label.padEnd(22)}${[0.5, 0.95].map((q) => percentile(values, q).toFixed(1).padStart(9)).join('')}`;
  console.log(
    `Chart of a patient with ${String(visits)} visits, ${String(measured.length)} openings (after ${String(WARM_UP)} warm-up), headless Chromium`,
  );
  console.log(`${''.padEnd(22)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
  console.log(
    row(
      'read (sealed RxDB)',
      measured.map((opening) => opening.readMs),
    ),
  );
  console.log(
    row(
      'derive',
      measured.map((opening) => opening.deriveMs),
    ),
  );
  console.log(
    row(
      'React render + commit',
      measured.map((opening) => opening.renderMs),
    ),
  );
  console.log(
    row(
      'whole opening',
      measured.map((opening) => opening.totalMs),
    ),
  );
  const p95 = percentile(
    measured.map((opening) => opening.totalMs),
    0.95,
  );
  console.log(`first (cold) opening: ${first ? first.totalMs.toFixed(1) : '?'} ms`);
  console.log(
    `p95 ${p95.toFixed(1)} ms against the ${String(BUDGET_MS)} ms budget: ${(p95 / BUDGET_MS).toFixed(2)}× the budget (${p95 <= BUDGET_MS ? 'within' : 'OVER'})`,
  );
} finally {
  await browser.close();
  await host.close();
}
