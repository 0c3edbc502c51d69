import type { Database } from '../db/database';

import type { ChangedCollections } from '../../shared/sync/resync-event';

/**
 * PostgreSQL NOTIFY channel. Payloads: `changes:<collection>:<scope>` (documents of that
 * collection changed in that scope), `device:<id>` (that device was revoked), or '*' from the
 * database layer (notifications may have been lost). A bare scope, as server processes before
 * the collection was named sent it, still means "something in the scope changed".
 */
export const SYNC_CHANNEL = 'sen_sync_changes';

const DEVICE_PREFIX = 'device:';
const CHANGES_PREFIX = 'changes:';

type Listener = (collections: ChangedCollections) => void;

/**
 * Fans database change notifications out to the open sync streams of this process. Going
 * through LISTEN/NOTIFY rather than an in-process event means a push handled by another server
 * process against the same PostgreSQL still wakes this process's clients.
 */
export class ChangeNotifier {
  private readonly scopes = new Map<string, Set<Listener>>();
  private readonly devices = new Map<string, Set<Listener>>();
  private unlisten: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.unlisten = await database.listen(SYNC_CHANNEL, (payload) => {
      if (payload === '*') {
        // Changes may have been missed: every stream announces one, and its device pulls all.
        for (const listeners of this.scopes.values()) fire(listeners, null);
      } else if (payload.startsWith(DEVICE_PREFIX)) {
        fire(this.devices.get(payload.slice(DEVICE_PREFIX.length)), null);
      } else if (payload.startsWith(CHANGES_PREFIX)) {
        const rest = payload.slice(CHANGES_PREFIX.length);
        const separator = rest.indexOf(':');
        fire(this.scopes.get(rest.slice(separator + 1)), [rest.slice(0, separator)]);
      } else {
        fire(this.scopes.get(payload), null);
      }
    });
  }

  /** Called whenever documents of the facility (scope) change, with their collection if known. */
  subscribe(scope: string, listener: Listener): () => void {
    return add(this.scopes, scope, listener);
  }

  /** Called when the device is revoked. */
  subscribeRevocation(deviceId: string, listener: () => void): () => void {
    return add(this.devices, deviceId, listener);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.scopes.clear();
    this.devices.clear();
  }
}

export function revocationPayload(deviceId: string): string {
  return `${DEVICE_PREFIX}${deviceId}`;
}

/** What a write's transaction notifies on commit: which collection changed in which scope. */
export function changesPayload(collection: string, scope: string): string {
  return `${CHANGES_PREFIX}${collection}:${scope}`;
}

function fire(listeners: Set<Listener> | undefined, collections: ChangedCollections): void {
  for (const listener of [...(listeners ?? [])]) listener(collections);
}

function add<L>(map: Map<string, Set<L>>, key: string, listener: L): () => void {
  let listeners = map.get(key);
  if (!listeners) map.set(key, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) map.delete(key);
  };
}
