import type { StaffDocument } from '../../shared/staff/staff-document';
import type { Database } from '../db/database';
import { SYNC_CHANNEL } from '../sync/change-notifier';

/** A device as authentication reads it. */
export interface DeviceRow {
  facility_code: string;
  province_code: string;
  token_hash: string;
  revoked: boolean;
}

/** How long a cached value may be used without any notification: a bound, not the mechanism. */
const TTL_MS = 60_000;

const DEVICE_PREFIX = 'device:';
const STAFF_PREFIX = 'staff:';

/** The NOTIFY payload a staff document's write sends for its facility: its accounts changed. */
export function staffChangedPayload(scope: string): string {
  return `${STAFF_PREFIX}${scope}`;
}

/**
 * Values read per request, kept in this process until a NOTIFY on SYNC_CHANNEL (sent by any
 * server process on the same database) names them, for at most a minute. A value read before an
 * invalidation arrived is not stored after it: every invalidation bumps a generation, and a load
 * stores its value only if no invalidation came while it read.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached value, or the loaded one (stored when `keep` says it may be). */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.expires > this.now()) return entry.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && keep(value)) this.entries.set(key, { value, expires: this.now() + TTL_MS });
    else this.entries.delete(key);
    return value;
  }

  invalidate(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/**
 * The caches of one server process: devices by id (revocation NOTIFYs `device:<id>`), and each
 * facility's staff accounts (a staff write NOTIFYs `staff:<facility>`). A lost LISTEN connection
 * ('*': notifications may have been missed) empties both.
 */
export class RequestCaches {
  readonly devices = new NotifiedCache<DeviceRow | undefined>();
  readonly staff = new NotifiedCache<ReadonlyMap<string, StaffDocument>>();

  onNotify(payload: string): void {
    if (payload === '*') {
      this.devices.clear();
      this.staff.clear();
    } else if (payload.startsWith(DEVICE_PREFIX)) {
      this.devices.invalidate(payload.slice(DEVICE_PREFIX.length));
    } else if (payload.startsWith(STAFF_PREFIX)) {
      this.staff.invalidate(payload.slice(STAFF_PREFIX.length));
    }
  }
}

const running = new WeakMap<object, RequestCaches>();

/**
 * Starts this process's caches for `database`, listening before any value is kept (so no
 * invalidation can be missed); resolves to their stop. Without it (a bench calling the push
 * directly) every request reads the database.
 */
export async function startRequestCaches(database: Database): Promise<() => Promise<void>> {
  const caches = new RequestCaches();
  const unlisten = await database.listen(SYNC_CHANNEL, (payload) => caches.onNotify(payload));
  running.set(database, caches);
  return async () => {
    if (running.get(database) === caches) running.delete(database);
    await unlisten();
  };
}

/** The caches started for `database`, if any. */
export function requestCaches(database: object): RequestCaches | undefined {
  return running.get(database);
}
