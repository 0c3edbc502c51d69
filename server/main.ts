import { join } from 'node:path';
import { openDatabase } from './db/open-database';
import { buildApp } from './app';
import { seedDemoCatalogs } from './demo/demo-catalogs';
import { seedDemoAdmin } from './demo/demo-admin';
import { seedDemoFacility } from './demo/demo-facility';
import { fleetThresholdsFromEnvironment } from './fleet/fleet-thresholds-env';
import { seedDemoProvinceHospital } from './demo/demo-province-hospital';
import { loadTls } from './http/load-tls';

/**
 * Starts the provincial server. Environment:
 *   PORT (default 8780), HOST (default 127.0.0.1),
 *   DATABASE_URL (a PostgreSQL server; without it PGlite keeps data in SEN_DATA_DIR),
 *   SEN_DATA_DIR (default .sen-data/server), SEN_DEMO=1 (seed the demo facility),
 *   SEN_ADMIN_TOKEN (bootstrap: creates the first admin account; see README "The sync admin console"),
 *   SEN_TLS_CERT and SEN_TLS_KEY (PEM files: serve HTTPS),
 *   SEN_FLEET_LATE_MINUTES (default 60) and SEN_FLEET_SILENT_HOURS (default 24): when the
 *   fleet page calls a PC late or silent,
 *   SEN_UPDATES_DIR (default <SEN_DATA_DIR>/updates): the app's releases the province publishes,
 *   one subfolder per version (README "Updates from the province"),
 *   SEN_TRUST_PROXY (comma-separated addresses or CIDRs of the balancers in front: their
 *   X-Forwarded-For is believed, so rate limits count each client, not the balancer).
 */
const dataDir = process.env.SEN_DATA_DIR ?? '.sen-data/server';
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
const app = await buildApp({
  database,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  adminToken: process.env.SEN_ADMIN_TOKEN,
  tls: loadTls(process.env.SEN_TLS_CERT, process.env.SEN_TLS_KEY),
  fleetThresholds: fleetThresholdsFromEnvironment(process.env),
  updatesDir: process.env.SEN_UPDATES_DIR ?? join(dataDir, 'updates'),
  trustProxy: process.env.SEN_TRUST_PROXY?.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== ''),
});
if (process.env.SEN_DEMO === '1') {
  await seedDemoFacility(database);
  await seedDemoProvinceHospital(database);
  await seedDemoCatalogs(database);
  await seedDemoAdmin(database);
}
await app.listen({ port: Number(process.env.PORT ?? 8780), host: process.env.HOST ?? '127.0.0.1' });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
