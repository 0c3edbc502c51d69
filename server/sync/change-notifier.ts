import type { Database } from '../db/database';

/**
 * PostgreSQL NOTIFY channel. Payloads: a facility code (its documents changed), `device:<id>`
 * (that device was revoked), or '*' from the database layer (notifications may have been lost).
 */
export const SYNC_CHANNEL = 'sen_sync_changes';

const DEVICE_PREFIX = 'device:';

type Listener = () => void;

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
        // Changes may have been missed: every stream announces one, and its device pulls.
        for (const listeners of this.scopes.values()) fire(listeners);
      } else if (payload.startsWith(DEVICE_PREFIX)) {
        fire(this.devices.get(payload.slice(DEVICE_PREFIX.length)));
      } else {
        fire(this.scopes.get(payload));
      }
    });
  }

  /** Called whenever documents of the facility (scope) change. */
  subscribe(scope: string, listener: Listener): () => void {
    return add(this.scopes, scope, listener);
  }

  /** Called when the device is revoked. */
  subscribeRevocation(deviceId: string, listener: Listener): () => void {
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

function fire(listeners: Set<Listener> | undefined): void {
  for (const listener of [...(listeners ?? [])]) listener();
}

function add(map: Map<string, Set<Listener>>, key: string, listener: Listener): () => void {
  let listeners = map.get(key);
  if (!listeners) map.set(key, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) map.delete(key);
  };
}
