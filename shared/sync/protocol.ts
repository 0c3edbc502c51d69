import { z } from 'zod';
import type { SyncMeta } from './sync-meta';

/**
 * The sync wire format, imported by both ends. Bump SYNC_PROTOCOL_VERSION whenever the shape
 * of a request or response changes; the server answers other versions with 426.
 *
 * v2: every document carries `syncMeta` (lineage and signature, sync-meta.ts) beside its body.
 */
export const SYNC_PROTOCOL_VERSION = 2;

export const syncCheckpointSchema = z
  .object({
    /** Identifies the server database's history; changes when it is restored from a backup. */
    epoch: z.string().min(1).max(64),
    /** Position in the facility's commit-ordered change sequence. */
    seq: z.number().int().nonnegative(),
    /**
     * The change found at `seq`: a server restored from a backup no longer has it there, even if
     * it kept its epoch and has handed `seq` to another change since.
     */
    change: z.string().min(1).max(64).optional(),
  })
  .strict();
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;

export const PULL_LIMIT_MAX = 2000;

export const pullQuerySchema = z.object({
  checkpoint: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_LIMIT_MAX).default(100),
  /** Ask for `total`: how many changes remain from the checkpoint on (initial-sync progress). */
  withTotal: z.enum(['0', '1']).optional(),
});

/** `POST …/pull`: the same parameters as the query form, in the body. */
export const pullBodySchema = z
  .object({
    checkpoint: syncCheckpointSchema.nullable(),
    limit: z.number().int().min(1).max(PULL_LIMIT_MAX).default(100),
    withTotal: z.boolean().default(false),
  })
  .strict();

export type SyncedDocument<T> = T & { _deleted: boolean };

/** A document as it travels: body, tombstone flag and the sync envelope beside the body. */
export type WireDocument<T> = SyncedDocument<T> & { syncMeta: SyncMeta };

export interface PullResponse<T> {
  documents: WireDocument<T>[];
  checkpoint: SyncCheckpoint | null;
  /** More changes follow this page: saves a device the round trip that would find none. */
  hasMore?: boolean;
  /** Changes after the request's checkpoint, this batch included; only when asked for. */
  total?: number;
}

export interface PushRow<T> {
  assumedMasterState?: WireDocument<T> | null;
  newDocumentState: WireDocument<T>;
}

/** The server's answer to a push: the current master state of every row that conflicted. */
export type PushResponse<T> = WireDocument<T>[];

export const PUSH_BATCH_MAX = 500;

/** The server-sent event that tells a client to pull. */
export const RESYNC_EVENT = 'RESYNC';

export const SYNC_ERROR_CODES = [
  'missing-credential',
  'invalid-credential',
  'device-revoked',
  'protocol-outdated',
  'epoch-changed',
  'unknown-collection',
  'invalid-request',
  'body-too-large',
  'rate-limited',
  'invalid-document',
  'out-of-scope',
  'forbidden',
  'reference-missing',
  'enrollment-code-invalid',
  'username-taken',
  'password-rejected',
  'enrollment-request-reused',
  // A signed PC rename sent a second time (server/enrollment/device-name-routes.ts).
  'rename-replayed',
  'not-found',
  // The update feed (server/updates): no version staged for this PC's facility; a release the folder does not back.
  'no-update-staged',
  'release-invalid',
  'catalog-invalid',
  'internal-error',
  // The admin API: a conflict or alert someone already resolved, a restore the record refuses.
  'already-resolved',
  'restore-invalid',
  // The admin console (server/admin, server/facilities):
  'session-expired',
  'account-locked',
  'bootstrap-token-limited',
  'own-account',
  'facility-exists',
  'facility-inactive',
  'province-unknown',
  'ward-not-in-province',
  // Raised by the client itself, before any request:
  'insecure-server',
  'server-url-invalid',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface ErrorBody {
  code: SyncErrorCode;
  message: string;
  details?: unknown;
}

export function syncPath(collection: string, action?: 'pull' | 'push', version = SYNC_PROTOCOL_VERSION): string {
  return action ? `/sync/v${version}/${collection}/${action}` : `/sync/v${version}/${collection}`;
}

/** `GET /sync/v2/conflicts?collection=&documentId=`: a value that lost a merge of a document. */
export interface LostValue {
  field: string;
  masterValue: unknown;
  losingValue: unknown;
  deviceId: string | null;
  staffName: string | null;
  clientTime: string | null;
  recordedAt: string;
}

export function syncStreamPath(version = SYNC_PROTOCOL_VERSION): string {
  return `/sync/v${version}/stream`;
}
