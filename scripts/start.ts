import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/open-database';
import { DEMO_ENROLLMENT_CODE, DEMO_FACILITY, seedDemoFacility } from '../server/demo/demo-facility';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/demo-staff';
import { seedDemoCatalogs } from '../server/demo/demo-catalogs';
import { seedDemoProvinceHospital } from '../server/demo/demo-province-hospital';
import { DEMO_ADMIN, DEMO_ADMIN_PASSWORD, seedDemoAdmin } from '../server/demo/demo-admin';
import { buildConsoleIfStale } from './build-console';
import { buildElectron } from './build-electron';
import { buildRendererIfStale, RENDERER_DIST } from './build-renderer';
import { serveClient } from './serve-client';

/**
 * `npm start`: the provincial server on its embedded database with the demo facility, and a
 * desktop client enrolled to it, in Electron when its binary is installed, else in the browser.
 */
const serverPort = Number(process.env.PORT ?? 8780);
const clientPort = Number(process.env.CLIENT_PORT ?? 5180);
const serverUrl = `http://127.0.0.1:${serverPort}`;

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.SEN_DATA_DIR ?? '.sen-data/server',
});
const adminToken = process.env.SEN_ADMIN_TOKEN ?? 'demo-admin-token';
await buildConsoleIfStale();
const server = await buildApp({ database, logger: { level: process.env.LOG_LEVEL ?? 'warn' }, adminToken });
await seedDemoFacility(database);
// The other side of a referral or a history lookup (README, Quick start).
await seedDemoProvinceHospital(database);
await seedDemoCatalogs(database);
await seedDemoAdmin(database);
await server.listen({ host: '127.0.0.1', port: serverPort });
console.log(
  `Provincial server: ${serverUrl} (${database.engine}; demo facility ${DEMO_FACILITY.code} ${DEMO_FACILITY.name})\n` +
    `Sync admin console: ${serverUrl}/console/ (sign in as ${DEMO_ADMIN.username}, password ${DEMO_ADMIN_PASSWORD})\n` +
    `Bootstrap admin token ${adminToken}: creates admin accounts (README, "The sync admin console")\n` +
    `Log in as ${Object.values(DEMO_STAFF)
      .map((account) => account.username)
      .join(', ')} (one per role), password ${DEMO_PASSWORD}`,
);

await buildRendererIfStale();
const electronBinary = findElectronBinary();
let closeClient: () => Promise<void> = () => Promise.resolve();
if (electronBinary) {
  await buildElectron();
  const child = spawn(electronBinary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, SEN_SERVER_URL: serverUrl, SEN_ENROLLMENT_CODE: DEMO_ENROLLMENT_CODE },
  });
  child.on('exit', () => void shutdown());
  console.log('Desktop client: started in Electron.');
} else {
  const client = await serveClient({
    distDir: RENDERER_DIST,
    port: clientPort,
    // No name: each browser asks for its PC's name ("Tiếp đón 1") with the demo code filled in.
    config: { serverUrl, enrollmentCode: DEMO_ENROLLMENT_CODE },
  });
  closeClient = () => client.close();
  console.log(
    'The Electron binary is not installed (it is downloaded from GitHub, unreachable here), so the\n' +
      `desktop client is served to your browser instead. Open: http://127.0.0.1:${clientPort}/`,
  );
}
console.log('Stop with Ctrl+C.');

async function shutdown(): Promise<void> {
  await closeClient();
  await server.close();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

function findElectronBinary(): string | null {
  try {
    const electronDir = createRequire(import.meta.url)
      .resolve('electron/package.json')
      .replace(/package\.json$/, '');
    const relative = readFileSync(`${electronDir}path.txt`, 'utf8').trim();
    const binary = `${electronDir}dist/${relative}`;
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
