import type { Database } from '../db/database';

/** PostgreSQL NOTIFY channel whose payload is the scope (facility code) that changed. */
export const SYNC_CHANNEL = 'sen_sync_changes';

type Listener = () => void;

/**
 * Fans database change notifications out to the open sync streams of this process. Going
 * through LISTEN/NOTIFY rather than an in-process event means a push handled by another server
 * process against the same PostgreSQL still wakes this process's clients.
 */
export class ChangeNotifier {
  private readonly listeners = new Map<string, Set<Listener>>();
  private unlisten: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.unlisten = await database.listen(SYNC_CHANNEL, (scope) => {
      for (const listener of this.listeners.get(scope) ?? []) listener();
    });
  }

  subscribe(scope: string, listener: Listener): () => void {
    let scopeListeners = this.listeners.get(scope);
    if (!scopeListeners) this.listeners.set(scope, (scopeListeners = new Set()));
    scopeListeners.add(listener);
    return () => {
      scopeListeners.delete(listener);
      if (scopeListeners.size === 0) this.listeners.delete(scope);
    };
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.listeners.clear();
  }
}
