import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { DEMO_ENROLLMENT_CODE } from '../server/demo/demo-facility';
import { enroll } from '../test/helpers/enroll';
import { ServerProcess } from '../test/helpers/server-process';
import { createPostgresTestDatabase } from '../test/helpers/test-database';
import type { BenchServer } from './sen-server';
import { runServerLoad, type LoadResult } from './server-load';

/**
 * `SEN_BENCH_DATABASE_URL=postgres://… npx tsx bench/server-load-process.ts --devices 200,400,800 --seconds 60,20,20`
 * (add `--documents-per-device-second 20 --documents-per-push 5` for the saturating load of the
 * first runs: the default is a busy PC's rate at a province's peak, docs/decisions/0009-sizing.md)
 *
 * The server load with the server in an OS process of its own (`server/main.ts`, as a province
 * runs it) and this process only generating load, on PostgreSQL: each step gets a new database
 * and a new server process, so no step inherits another's rows or caches. Prints one row per
 * step with the load average beside it (the machine may be shared).
 */
const { values: args } = parseArgs({
  options: {
    devices: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'documents-per-device-second': { type: 'string', default: '0.2' },
    'documents-per-push': { type: 'string', default: '2' },
    // Writes the server process's CPU profile (node --cpu-prof) of each step into this folder.
    'cpu-prof-dir': { type: 'string' },
  },
});
const serverUrl = process.env.SEN_BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('Set SEN_BENCH_DATABASE_URL to a PostgreSQL server (a database is created per step).');
const steps = args.devices.split(',').map(Number);
const seconds = args.seconds.split(',').map(Number);
const options = {
  documentsPerDeviceSecond: Number(args['documents-per-device-second']),
  documentsPerPush: Number(args['documents-per-push']),
};

const log = (line: string): void => console.log(line);
const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

log(
  `Offered: ${options.documentsPerDeviceSecond} documents per device and second, ${options.documentsPerPush} per push.`,
);
log(
  '| devices | s | docs/s pushed | pushes/s, pulls/s | push p50/p95/p99 ms | pull p50/p95/p99 ms | p95 ÷ 200 ms goal (push, pull) | errors, lost | generator CPU s | stored bytes per document | load average before → after |',
);
const results: (LoadResult & { loadBefore: string; loadAfter: string })[] = [];
for (const [index, devices] of steps.entries()) {
  const duration = seconds[index] ?? seconds.at(-1) ?? 60;
  const created = await createPostgresTestDatabase(serverUrl);
  const server = await withServerNodeOptions(args['cpu-prof-dir'], () => ServerProcess.start(created.url));
  // This process's own connection: bench facilities are set up, and the pushed rows checked, through it.
  const database = await openDatabase({ databaseUrl: created.url });
  const bench: BenchServer = {
    url: server.url,
    database,
    enroll: (name, code = DEMO_ENROLLMENT_CODE) => enroll(server.url, name, code),
    load: () => Promise.reject(new Error('not used by the load run')),
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
  const loadBefore = loadAverage();
  try {
    const bytesBefore = await databaseBytes(database);
    const cpuBefore = process.cpuUsage();
    const result = await runServerLoad(bench, devices, duration, options);
    const cpu = process.cpuUsage(cpuBefore);
    const generatorCpu = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    // What the province stores per document (rows, feed, indexes; not the WAL): for the sizing.
    const bytesPerDocument = ((await databaseBytes(database)) - bytesBefore) / Math.max(1, result.documentsPushed);
    const loadAfter = loadAverage();
    results.push({ ...result, loadBefore, loadAfter });
    const ratio = (p95: number): string => `${(p95 / 200).toFixed(2)}×`;
    log(
      `| ${devices} | ${result.seconds.toFixed(0)} | ${result.documentsPerSecond.toFixed(0)} | ${perSecond(result.pushes, result.seconds)}, ${perSecond(result.pulls, result.seconds)} | ${result.pushMs.p50}/${result.pushMs.p95}/${result.pushMs.p99} | ${result.pullMs.p50}/${result.pullMs.p95}/${result.pullMs.p99} | ${ratio(result.pushMs.p95)}, ${ratio(result.pullMs.p95)} | ${result.errors}, ${result.lost} | ${generatorCpu} | ${bytesPerDocument.toFixed(0)} | ${loadBefore} → ${loadAfter} |`,
    );
    if (result.errors > 0) log(`  errors: ${JSON.stringify(result.errorKinds)}`);
  } finally {
    await bench.close();
    await created.drop();
  }
}
const knee = results.find((result) => Math.max(result.pushMs.p95, result.pullMs.p95) > 500);
log(
  knee
    ? `Knee: p95 first crosses 500 ms at ${knee.devices} devices.`
    : `Knee: p95 stays under 500 ms up to ${steps.at(-1) ?? 0} devices.`,
);
process.exit(0);

async function databaseBytes(database: Database): Promise<number> {
  const [row] = await database.query<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes');
  return row?.bytes ?? 0;
}

function perSecond(count: number, seconds: number): string {
  return (count / seconds).toFixed(0);
}

/** Starts the server with `--cpu-prof` when asked: the child inherits NODE_OPTIONS at spawn. */
async function withServerNodeOptions<T>(profileDir: string | undefined, start: () => Promise<T>): Promise<T> {
  if (!profileDir) return start();
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}
