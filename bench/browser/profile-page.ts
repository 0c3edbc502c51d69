import './bench-page';
import { DocumentCipher } from '../../renderer/db/document-cipher';
import { SyncTransport } from '../../renderer/sync/sync-transport';
import { syncPath } from '../../shared/sync/protocol';

/**
 * What bench/profile-first-sync.ts calls beside the CPU profile: counters of the work a first
 * sync does (seals, opens, pull requests), and the parts of it measured alone.
 */
interface Counters {
  seals: number;
  opens: number;
  pullCalls: number;
  pullMs: number;
}
const counters: Counters = { seals: 0, opens: 0, pullCalls: 0, pullMs: 0 };

// Counted by wrapping the prototypes: the same classes the sync client uses in this bundle. The
// originals are called with the instance as `this` (Function.apply), so they are not unbound.
// eslint-disable-next-line @typescript-eslint/unbound-method
const { seal, open } = DocumentCipher.prototype;
DocumentCipher.prototype.seal = function (this: DocumentCipher, ...args: Parameters<typeof seal>) {
  counters.seals += 1;
  return seal.apply(this, args);
};
DocumentCipher.prototype.open = function (this: DocumentCipher, ...args: Parameters<typeof open>) {
  counters.opens += 1;
  return open.apply(this, args);
};
// eslint-disable-next-line @typescript-eslint/unbound-method
const { pull } = SyncTransport.prototype;
SyncTransport.prototype.pull = async function (this: SyncTransport, ...args: Parameters<typeof pull>) {
  counters.pullCalls += 1;
  const started = performance.now();
  try {
    return await pull.apply(this, args);
  } finally {
    counters.pullMs += performance.now() - started;
  }
};

const profile = {
  resetCounters(): void {
    Object.assign(counters, { seals: 0, opens: 0, pullCalls: 0, pullMs: 0 });
  },
  counters(): Counters {
    return { ...counters };
  },

  /** Every page of the first sync fetched and parsed, nothing stored: the network and JSON alone. */
  async pullAlone(serverUrl: string, token: string, pageSize: number): Promise<{ ms: number; documents: number }> {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let checkpoint: unknown = null;
    let documents = 0;
    const started = performance.now();
    for (;;) {
      const response = await fetch(new URL(syncPath('patients', 'pull'), serverUrl), {
        method: 'POST',
        headers,
        body: JSON.stringify({ checkpoint, limit: pageSize, withTotal: false }),
      });
      if (!response.ok) throw new Error(`pull: ${String(response.status)}`);
      const page = (await response.json()) as { documents: unknown[]; checkpoint: unknown; hasMore?: boolean };
      documents += page.documents.length;
      checkpoint = page.checkpoint ?? checkpoint;
      if (page.documents.length < pageSize || page.hasMore === false) break;
    }
    return { ms: performance.now() - started, documents };
  },

  /** AES-GCM seal then open of every document's sealed fields, in pages: the cipher alone. */
  async cipherAlone(documentsUrl: string, pageSize: number): Promise<{ sealMs: number; openMs: number }> {
    const documents = (await (await fetch(documentsUrl)).json()) as Record<string, unknown>[];
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const cipher = new DocumentCipher(key);
    const sealed: string[] = [];
    let started = performance.now();
    for (let offset = 0; offset < documents.length; offset += pageSize) {
      const page = documents.slice(offset, offset + pageSize);
      sealed.push(...(await Promise.all(page.map((document) => cipher.seal(document, String(document.id))))));
    }
    const sealMs = performance.now() - started;
    started = performance.now();
    for (let offset = 0; offset < sealed.length; offset += pageSize) {
      const page = sealed.slice(offset, offset + pageSize);
      await Promise.all(page.map((value, index) => cipher.open(value, String(documents[offset + index]?.id))));
    }
    return { sealMs, openMs: performance.now() - started };
  },
};

declare global {
  interface Window {
    senProfile: typeof profile;
  }
}
window.senProfile = profile;
