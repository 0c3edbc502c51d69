import { createSenDatabase } from '../../renderer/db/create-database';
import { newDatabaseKey } from '../../renderer/db/database-secrets';
import { DocumentWriter } from '../../renderer/db/document-writer';
import { Outbox } from '../../renderer/db/outbox';
import type { SenDatabase } from '../../renderer/db/collections';
import { firstValueFrom } from 'rxjs';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { unsealPrivateKey, type SealedKey } from '../../shared/staff/sealed-key';
import { authorOf, clinicalMix, MIX_COLLECTIONS, mixSize, type MixAuthors } from './clinical-mix';
import { watchFrames, type FrameReport } from './frame-monitor';

/**
 * What bench/scale/client-scale.ts calls inside headless Chromium: the client at a facility's
 * size, through the product's own database, outbox, writer and sync client (sealed at rest).
 */

/** Every this many documents stored, the time is noted: the flatness of a first sync. */
const MARK_EVERY = 100;

export interface FirstSyncReport {
  ms: number;
  documents: number;
  /** ms from the start until the first document was stored (enrolment, first requests) */
  firstStoredMs: number;
  /** marks[k]: ms from the start until (k + 1) × MARK_EVERY documents were stored */
  marks: number[];
  markEvery: number;
  frames: FrameReport;
  /** performance.memory's usedJSHeapSize, sampled every 500 ms (precise with the flag we launch with) */
  peakUsedJsHeapBytes: number;
}

export interface BacklogReport {
  documents: number;
  /** Writing the backlog offline: signed, sealed, stored, recorded in the outbox */
  writeMs: number;
  /** From going online until the outbox is empty: every record acknowledged by the server */
  pushMs: number;
  /** Records still in the outbox when the push stalled (0: all acknowledged) */
  unsent: number;
  /** The quarantined rows then, as collection:code */
  held: string[];
  frames: FrameReport;
}

export interface StaffAccount {
  id: string;
  sealedKey: SealedKey;
}

/** The backlog push is given up after this long without a record acknowledged. */
const STALLED_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function sampleHeap(): { stop: () => number } {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  let peak = memory?.usedJSHeapSize ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, memory?.usedJSHeapSize ?? 0)), 500);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, memory?.usedJSHeapSize ?? 0);
    },
  };
}

async function storedCount(database: SenDatabase): Promise<number> {
  const counts = await Promise.all(MIX_COLLECTIONS.map((name) => database[name].count().exec()));
  return counts.reduce((total, count) => total + count, 0);
}

/** What the page is doing now, read by the driver to print progress on long runs. */
const progress = { stored: 0, outbox: 0, held: 0 };

const scale = {
  progress: (): typeof progress => ({ ...progress }),

  /** A first sync of `expected` mix documents into an empty database; the frames watched throughout. */
  async firstSync(serverUrl: string, token: string, expected: number): Promise<FirstSyncReport> {
    const database = await createSenDatabase({
      name: `bench-scale-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const outbox = await Outbox.open(database);
    const sync = new SyncClient({ database, outbox, serverUrl, credential: token });
    const marks: number[] = [];
    let stored = 0;
    let started = 0;
    let firstStoredMs = 0;
    // Counted from the collections' change events (no query while the sync runs).
    const subscriptions = MIX_COLLECTIONS.map((name) =>
      database[name].eventBulks$.subscribe((bulk) => {
        for (const event of bulk.events) {
          if (event.operation !== 'INSERT') continue;
          if (stored === 0) firstStoredMs = performance.now() - started;
          stored++;
          progress.stored = stored;
          if (stored % MARK_EVERY === 0) marks.push(performance.now() - started);
        }
      }),
    );
    const heap = sampleHeap();
    const frames = watchFrames();
    started = performance.now();
    await sync.start();
    while (stored < expected) {
      await sync.awaitInSync();
      await sleep(100);
    }
    const ms = performance.now() - started;
    const frameReport = frames.stop();
    const peakUsedJsHeapBytes = heap.stop();
    for (const subscription of subscriptions) subscription.unsubscribe();
    await sync.stop();
    const documents = await storedCount(database);
    await database.close();
    return { ms, documents, firstStoredMs, marks, markEvery: MARK_EVERY, frames: frameReport, peakUsedJsHeapBytes };
  },

  /**
   * A PC offline for weeks: `patientCount` patients with their clinical history written through
   * the DocumentWriter (each signed by its author, sealed, stored, recorded in the outbox), then
   * the sync client started: the time until the server has acknowledged every record.
   */
  async backlogPush(
    serverUrl: string,
    token: string,
    patientCount: number,
    accounts: { registrar: StaffAccount; doctor: StaffAccount; labTechnician: StaffAccount },
    password: string,
  ): Promise<BacklogReport> {
    const signers = new Map<string, DocumentSigner>();
    for (const account of Object.values(accounts)) {
      const privateKey = await unsealPrivateKey(account.sealedKey, password);
      if (!privateKey) throw new Error(`the password does not unseal ${account.id}'s key`);
      signers.set(account.id, { signer: account.id, keyId: account.sealedKey.keyId, privateKey });
    }
    const authors: MixAuthors = {
      registrar: accounts.registrar.id,
      doctor: accounts.doctor.id,
      labTechnician: accounts.labTechnician.id,
    };
    const mix = clinicalMix(patientCount, authors, 23);
    const database = await createSenDatabase({
      name: `bench-backlog-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const outbox = await Outbox.open(database);
    let current: DocumentSigner | undefined;
    const writer = new DocumentWriter(database, outbox, () => {
      if (!current) throw new Error('nobody is logged in');
      return current;
    });

    const writeStarted = performance.now();
    for (const collection of MIX_COLLECTIONS) {
      // One author at a time, as each writes at their own PC; 500 documents a write.
      const byAuthor = new Map<string, { updatedBy: string }[]>();
      for (const document of mix[collection]) {
        const author = authorOf(document);
        const group = byAuthor.get(author) ?? [];
        group.push(document);
        byAuthor.set(author, group);
      }
      for (const [author, documents] of byAuthor) {
        current = signers.get(author);
        for (let offset = 0; offset < documents.length; offset += 500) {
          await writer.insertMany(collection, documents.slice(offset, offset + 500) as never[]);
        }
      }
    }
    await outbox.count();
    const writeMs = performance.now() - writeStarted;

    const documents = mixSize(mix);
    if ((await outbox.count()) !== documents)
      throw new Error(`the outbox holds ${await outbox.count()} of ${documents}`);
    const frames = watchFrames();
    const started = performance.now();
    const sync = new SyncClient({ database, outbox, serverUrl, credential: token });
    await sync.start();
    const status = sync.status$.subscribe((state) => (progress.held = state.quarantined));
    // Done when the outbox is empty; given up when it has not shrunk for STALLED_MS (records
    // held in quarantine that nothing sends again): reported, not waited for for ever.
    let lastChange = performance.now();
    let lastCount = Infinity;
    while ((progress.outbox = await outbox.count()) > 0) {
      if (progress.outbox < lastCount) [lastCount, lastChange] = [progress.outbox, performance.now()];
      else if (performance.now() - lastChange > STALLED_MS) break;
      await sleep(50);
    }
    const pushMs = (progress.outbox > 0 ? lastChange : performance.now()) - started;
    const unsent = progress.outbox;
    const held = (await firstValueFrom(sync.quarantine$)).map(
      (entry) =>
        `${entry.collection}:${entry.code}:${JSON.stringify((entry.details as { collection?: unknown } | undefined)?.collection ?? '')}`,
    );
    status.unsubscribe();
    const frameReport = frames.stop();
    await sync.stop();
    await database.close();
    return { documents, writeMs, pushMs, unsent, held, frames: frameReport };
  },
};

declare global {
  interface Window {
    senScale: typeof scale;
  }
}
window.senScale = scale;
