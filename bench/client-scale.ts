import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BACKLOG_PATIENTS, clientScaleRows, runClientScale } from './scale/client-scale';

/**
 * `npm run bench:scale [-- --size large] [-- --patients 5000]`: only the client-at-scale
 * measures of `npm run bench` (bench/scale/client-scale.ts): 2,000 patients with their clinical
 * history (22,000 documents) by default, 20,000 (220,000) with --size large.
 */
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    patients: { type: 'string' },
    'backlog-patients': { type: 'string', default: String(BACKLOG_PATIENTS) },
  },
});
const patients = args.patients ? Number(args.patients) : args.size === 'large' ? 20_000 : 2000;
const log = (line: string): void => console.log(line);
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
log(`load average at the start: ${load()}`);
const results = await runClientScale(patients, log, Number(args['backlog-patients']));
log('');
log('| measure | Sen | peer or goal | ratio |');
log('| --- | --- | --- | --- |');
for (const row of clientScaleRows(results)) log(row);
if (results.backlog.unsent > 0)
  log(
    `\nThe backlog push stalled with ${results.backlog.unsent} records unsent; held: ${results.backlog.held.join(', ')}`,
  );
log(`\nLongest frames' scripts (first sync): ${results.firstSync.frames.longestScripts.join('; ') || 'none'}`);
log(`load average at the end: ${load()}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/client-scale-${patients}.json`, `${JSON.stringify(results, null, 2)}\n`);
log(`Written to bench/results/client-scale-${patients}.json`);
process.exit(0);
