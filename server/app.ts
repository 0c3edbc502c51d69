import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAdminAccountRoutes } from './admin/admin-account-routes';
import { registerAdminAudit } from './admin/admin-audit';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerAdminCredentials } from './admin/authenticate-admin';
import { serveConsole } from './console/serve-console';
import { registerDeviceRoutes } from './admin/device-routes';
import type { Database } from './db/database';
import { readEpoch } from './db/epoch';
import { migrate } from './db/migrate';
import { closeIdleConnectionsWhileClosing } from './http/close-idle-connections';
import { registerDeviceNameRoutes } from './enrollment/device-name-routes';
import { registerEnrollmentRoutes } from './enrollment/enrollment-routes';
import { ensureProvinces } from './facilities/facilities';
import { registerFacilityRoutes } from './facilities/facility-routes';
import { DEFAULT_HISTORY_LOOKUPS_PER_MINUTE, registerHistoryRoutes } from './history/history-routes';
import { HttpError, sendError } from './http/http-error';
import { registerIdentityRoutes } from './identity/identity-routes';
import { rateLimitKey } from './http/rate-limit-key';
import { registerAuditAlertRoutes } from './audit/audit-alert-routes';
import { registerAuditRoutes } from './audit/audit-routes';
import { registerCatalogRoutes } from './catalog/catalog-routes';
import { registerConflictRoutes } from './conflicts/conflict-routes';
import { DeviceActivity } from './fleet/device-activity';
import { registerFleetRoutes } from './fleet/fleet-routes';
import { DEFAULT_FLEET_THRESHOLDS, type FleetThresholds } from './fleet/fleet-state';
import { registerExportRoutes } from './exports/export-routes';
import { ServerKey } from './signing/server-key';
import { SignatureChecker } from './signing/signature-checker';
import { registerStaffRoutes } from './staff/staff-routes';
import { ChangeNotifier } from './sync/change-notifier';
import { startRequestCaches } from './auth/request-caches';
import { registerSyncRoutes } from './sync/sync-routes';
import { registerUpdateRoutes } from './updates/register-updates';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** The bootstrap SEN_ADMIN_TOKEN: creates admin accounts, nothing else. */
  adminToken?: string | undefined;
  /** Requests a device (or an address without credential) may make per minute. */
  requestsPerMinute?: number;
  /** Lookups of a patient's history at other facilities a device may make per minute. */
  historyLookupsPerMinute?: number;
  /** PEM certificate and key: the server then speaks HTTPS only. */
  tls?: { cert: string | Buffer; key: string | Buffer } | undefined;
  /** The server's clock (last contacts, fleet states, resolutions); tests pass their own. */
  clock?: () => Date;
  /** When a PC counts as late or silent on the fleet page (DEFAULT_FLEET_THRESHOLDS). */
  fleetThresholds?: FleetThresholds;
  /** The province's updates folder (SEN_UPDATES_DIR): one subfolder per version of the app. */
  updatesDir?: string | undefined;
  /**
   * The balancers in front of this node (SEN_TRUST_PROXY: addresses or CIDRs): their
   * X-Forwarded-For then gives the client's address, which rate limits count by. Without it
   * every request behind HAProxy would share the balancer's one allowance.
   */
  trustProxy?: string[] | undefined;
}

const BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** A syncing device makes a few requests a second at most; a busy desk well under this. */
const DEFAULT_REQUESTS_PER_MINUTE = 1200;

/** The provincial server: migrates the database, then serves enrollment and sync. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  await migrate(database);
  // Reference data every server needs: the provinces, each with its feed (catalogs).
  await ensureProvinces(database);
  const epoch = await readEpoch(database);
  const serverKey = await ServerKey.load(database);
  const signatures = new SignatureChecker(serverKey);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    ...(options.trustProxy && options.trustProxy.length > 0 ? { trustProxy: options.trustProxy } : {}),
    ...(options.tls ? { https: options.tls } : {}),
    // With `https` Fastify types the server as an https.Server; the routes are the same.
  }) as unknown as FastifyInstance;
  // Devices authenticate with a bearer token, never a cookie, so any origin may call
  // (the desktop client's pages have a file:// or localhost origin).
  await app.register(cors, { origin: true, methods: ['GET', 'POST', 'PATCH', 'DELETE'], maxAge: 86_400 });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });
  await app.register(rateLimit, {
    max: options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate-limited', `Too many requests; retry in ${context.after}.`),
  });
  closeIdleConnectionsWhileClosing(app);
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ code: 'not-found', message: 'No such route.' });
  });

  const notifier = new ChangeNotifier();
  await notifier.start(database);
  app.addHook('onClose', async () => notifier.stop());
  // Per-request lookups (device, facility staff) kept until a NOTIFY drops them.
  const stopCaches = await startRequestCaches(database);
  app.addHook('onClose', stopCaches);

  const clock = options.clock ?? (() => new Date());
  const activity = new DeviceActivity(database, clock);

  app.get('/health', () => ({ ok: true, engine: database.engine }));
  registerEnrollmentRoutes(app, database);
  // Before every admin route: who is calling (a session needs a lookup) and, after, what they changed.
  registerAdminCredentials(app, database, options.adminToken);
  registerAdminAudit(app, database);
  registerAdminAccountRoutes(app, database, options.adminToken);
  registerFacilityRoutes(app, database, options.adminToken);
  await serveConsole(app);
  registerAdminRoutes(app, database, options.adminToken);
  registerDeviceRoutes(app, database, options.adminToken);
  registerDeviceNameRoutes(app, database, options.adminToken, signatures);
  registerExportRoutes(app, database, options.adminToken);
  registerStaffRoutes(app, database, options.adminToken, serverKey);
  registerAuditRoutes(app, database, options.adminToken, signatures);
  registerCatalogRoutes(app, database, options.adminToken, serverKey);
  registerAuditAlertRoutes(app, database, options.adminToken, clock);
  registerConflictRoutes(app, database, options.adminToken, serverKey, clock);
  registerFleetRoutes(app, database, options.adminToken, {
    clock,
    thresholds: options.fleetThresholds ?? DEFAULT_FLEET_THRESHOLDS,
  });
  registerIdentityRoutes(app, database, serverKey, clock);
  registerSyncRoutes(app, { database, notifier, epoch, signatures, activity });
  registerUpdateRoutes(app, database, options.updatesDir);
  registerHistoryRoutes(app, {
    database,
    signatures,
    adminToken: options.adminToken,
    lookupsPerMinute: options.historyLookupsPerMinute ?? DEFAULT_HISTORY_LOOKUPS_PER_MINUTE,
  });
  return app;
}
