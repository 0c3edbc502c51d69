import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerResponse } from 'node:http';
import { isSyncedCollectionName, SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/collections';
import {
  pullBodySchema,
  pullQuerySchema,
  type PullResponse,
  SYNC_PROTOCOL_VERSION,
  syncCheckpointSchema,
  type SyncCheckpoint,
} from '../../shared/sync/protocol';
import { facilityScope, provinceScope } from '../../shared/sync/scopes';
import { authenticateDevice, type AuthenticatedDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import { readDeviceReport, type DeviceActivity } from '../fleet/device-activity';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import type { ChangeNotifier } from './change-notifier';
import { resyncAnnouncer } from './resync-announcer';
import { listConflicts } from './conflict-records';
import { parsePushRows } from './parse-push-rows';
import { epochChanged, pullDocuments } from './pull-documents';
import { pushDocuments } from './push-documents';

type Body = Record<string, unknown>;

const HEARTBEAT_MS = 20_000;

const documentConflictsQuerySchema = z
  .object({ collection: z.string().min(1).max(40), documentId: z.string().min(1).max(40) })
  .strict();

export interface SyncRouteContext {
  database: Database;
  notifier: ChangeNotifier;
  epoch: string;
  signatures: SignatureChecker;
  /** Where each PC's last contacts and reports are kept (the fleet page) */
  activity: DeviceActivity;
}

export function registerSyncRoutes(app: FastifyInstance, context: SyncRouteContext): void {
  const { database, notifier, epoch, signatures, activity } = context;
  const prefix = `/sync/v${SYNC_PROTOCOL_VERSION}`;
  // Open streams never finish by themselves: end them so that closing the server does not hang.
  const openStreams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const stream of openStreams) stream.end();
    done();
  });

  // Any answered request of a known PC is contact, refused or not; so is what it reports.
  const withContact = async <T>(
    request: FastifyRequest,
    kind: 'pull' | 'push',
    handle: (device: AuthenticatedDevice) => Promise<T>,
  ): Promise<T> => {
    // Who asks comes first: nothing about the request is looked at for an unknown caller.
    const device = await authenticateDevice(request, database);
    const report = readDeviceReport(request);
    try {
      return await handle(device);
    } finally {
      await activity.recordQuietly(device.deviceId, kind, report, request.log);
    }
  };

  const pull = async (
    request: FastifyRequest<{ Params: { collection: string } }>,
    parseParameters: () => { checkpoint: SyncCheckpoint | null; limit: number; withTotal: boolean },
  ): Promise<PullResponse<Body>> => withContact(request, 'pull', (device) => pullFor(device, request, parseParameters));

  const pullFor = async (
    device: AuthenticatedDevice,
    request: FastifyRequest<{ Params: { collection: string } }>,
    parseParameters: () => { checkpoint: SyncCheckpoint | null; limit: number; withTotal: boolean },
  ): Promise<PullResponse<Body>> => {
    const collection = syncedCollection(request.params.collection, 'pull');
    const { checkpoint, limit, withTotal } = parseParameters();
    const scope = feedScope(collection, device);
    if (checkpoint && checkpoint.epoch !== epoch) throw epochChanged(epoch);
    // The checkpoint is also checked against the feed (a restore): pull-documents.ts.
    return pullDocuments(database, request.params.collection, scope, epoch, checkpoint, limit, withTotal);
  };

  app.get<{ Params: { collection: string } }>(`${prefix}/:collection/pull`, (request) =>
    pull(request, () => {
      const query = pullQuerySchema.parse(request.query);
      return { checkpoint: parseCheckpoint(query.checkpoint), limit: query.limit, withTotal: query.withTotal === '1' };
    }),
  );
  // The same with its parameters in the body: one URL for every pull, so a browser's CORS
  // preflight is asked once and cached, instead of costing a round trip per page.
  app.post<{ Params: { collection: string } }>(`${prefix}/:collection/pull`, (request) =>
    pull(request, () => pullBodySchema.parse(request.body)),
  );

  app.post<{ Params: { collection: string } }>(`${prefix}/:collection/push`, (request) =>
    withContact(request, 'push', (device) => {
      const collection = syncedCollection(request.params.collection, 'push');
      const rows = parsePushRows(request.body, collection, device);
      return pushDocuments(database, request.params.collection, collection, device, rows, signatures);
    }),
  );

  // The values that lost a merge of one of the facility's documents, for the staff at its PCs
  // allowed to read that document (the client shows them on the record to those only).
  app.get(`${prefix}/conflicts`, async (request) => {
    const device = await authenticateDevice(request, database);
    const query = documentConflictsQuerySchema.parse(request.query);
    syncedCollection(query.collection, 'pull');
    const filter = { facility: device.facilityCode, ...query, limit: 200 };
    return { conflicts: await listConflicts(database, filter, true) };
  });

  app.get(`${prefix}/stream`, async (request, reply) => {
    const device = await authenticateDevice(request, database);
    reply.hijack();
    const headers = { ...reply.getHeaders() } as Record<string, string>;
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    openStreams.add(reply.raw);
    // A closed stream is not written to: an announcement may be due after the device left.
    const announce = resyncAnnouncer((text) => {
      if (!reply.raw.writableEnded && !reply.raw.destroyed) reply.raw.write(text);
    });
    // On connect the device may have missed anything: it pulls every collection.
    announce(null);
    // The facility's own feed and the province-wide one (catalogs) both wake the device.
    const unsubscribers = [facilityScope(device.facilityCode), provinceScope(device.provinceCode)].map((scope) =>
      notifier.subscribe(scope, announce),
    );
    // Revoked: end the stream now; the device's reconnect is then refused with 401.
    const unsubscribeRevocation = notifier.subscribeRevocation(device.deviceId, () => reply.raw.end());
    const seen = (): Promise<void> => activity.recordQuietly(device.deviceId, 'stream', null, request.log);
    void seen();
    const heartbeat = setInterval(() => {
      reply.raw.write(': keep-alive\n\n');
      void seen();
    }, HEARTBEAT_MS);
    request.raw.on('close', () => {
      openStreams.delete(reply.raw);
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribers) unsubscribe();
      unsubscribeRevocation();
    });
  });

  // Any other protocol version: tell the client to update rather than fail obscurely.
  app.all('/sync/:version/*', outdatedProtocol);
  app.all('/sync/:version', outdatedProtocol);
}

function outdatedProtocol(request: FastifyRequest<{ Params: { version?: string } }>): never {
  if (request.params.version === `v${SYNC_PROTOCOL_VERSION}`)
    throw new HttpError(404, 'not-found', 'No such sync route.');
  throw new HttpError(
    426,
    'protocol-outdated',
    `This server speaks sync protocol v${SYNC_PROTOCOL_VERSION}; update the app.`,
  );
}

function syncedCollection(name: string, action: 'pull' | 'push'): SyncedCollection<Body> {
  if (!isSyncedCollectionName(name)) throw new HttpError(404, 'unknown-collection', `No synced collection ${name}.`);
  const collection = SYNCED_COLLECTIONS[name] as unknown as SyncedCollection<Body>;
  const allowed = collection.direction === 'both' || collection.direction === `${action}-only`;
  if (!allowed) throw new HttpError(405, 'invalid-request', `${name} cannot be ${action}ed.`);
  return collection;
}

/** The feed a device reads a collection from: its facility's or its province's. */
function feedScope(collection: SyncedCollection<Body>, device: AuthenticatedDevice): string {
  return collection.feed === 'province' ? provinceScope(device.provinceCode) : facilityScope(device.facilityCode);
}

function parseCheckpoint(raw: string | undefined): SyncCheckpoint | null {
  if (raw === undefined || raw === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'invalid-request', 'The checkpoint is not JSON.');
  }
  return syncCheckpointSchema.parse(json);
}
