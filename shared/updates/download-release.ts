import type { DownloadStore } from './download-store';
import type { ReleaseFile } from './update-feed';

/** What one download run ended with. */
export type DownloadOutcome =
  | { kind: 'ready'; path: string }
  /** The whole file arrived but its sha512 is not the feed's: discarded, never installed. */
  | { kind: 'rejected'; reason: string }
  /** The link or the server failed too often in a row: the part is kept for the next run. */
  | { kind: 'interrupted'; reason: string; bytesHeld: number };

export interface DownloadOptions {
  /** `<serverUrl>/updates/`, the feed's folder: the installer is `<feedUrl><fileName>`. */
  feedUrl: string;
  /** The device token: the province serves updates to enrolled PCs only. */
  token: string;
  release: ReleaseFile;
  store: DownloadStore;
  /**
   * Bytes asked per request. Small requests keep each one short on a slow link, so a cut loses
   * at most one request's remainder, and leave room for sync between them.
   */
  chunkBytes?: number;
  /** A pause between requests: the download yields the link to clinical sync (low priority). */
  pauseMs?: number;
  /** Failed requests in a row (without a byte of progress) before the run gives up for now. */
  maxFailures?: number;
  /** How long to wait after the n-th failure in a row. */
  retryDelayMs?: (failures: number) => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Each request's first byte, for progress and tests. */
  onRequest?: (from: number) => void;
}

const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** A refusal that will not pass by retrying within this run (401, 404: the PC or the stage changed). */
export class UpdateRequestRefused extends Error {
  constructor(readonly status: number) {
    super(`The province refused the installer download (HTTP ${String(status)}).`);
  }
}

/** 1 s, 2 s, 4 s… up to 30 s: a cut rural link usually comes back within seconds. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Downloads one installer into `store` in range requests, resuming after a cut from the bytes
 * already held, then checks the whole file's sha512 against the feed's. A file that does not
 * verify is discarded; only a verified one is promoted to ready. The same protocol
 * electron-updater follows in the desktop app (README, "Updates from the province").
 */
export async function downloadRelease(options: DownloadOptions): Promise<DownloadOutcome> {
  const { release, store } = options;
  const name = release.fileName;
  const ready = await store.readyPath(name);
  if (ready) return { kind: 'ready', path: ready };
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const sleep = options.sleep ?? wait;
  const delay = options.retryDelayMs ?? retryDelay;
  const maxFailures = options.maxFailures ?? 8;
  const get = options.fetch ?? fetch;
  const url = new URL(name, options.feedUrl.endsWith('/') ? options.feedUrl : `${options.feedUrl}/`);
  let failures = 0;

  for (;;) {
    let held = await store.partSize(name);
    if (held > release.size) {
      await store.discardPart(name);
      held = 0;
    }
    if (held === release.size) break;
    options.signal?.throwIfAborted();
    const last = Math.min(held + chunkBytes, release.size) - 1;
    options.onRequest?.(held);
    try {
      const response = await get(url, {
        headers: { authorization: `Bearer ${options.token}`, range: `bytes=${String(held)}-${String(last)}` },
        signal: options.signal ?? null,
      });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        throw new UpdateRequestRefused(response.status);
      }
      if (response.status === 416) {
        // The server and the part disagree about the file: start it again.
        await store.discardPart(name);
        throw new Error('the server refused the range (416)');
      }
      if (response.status === 200 && held > 0) await store.discardPart(name);
      else if (response.status === 206) {
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
        if (!range || Number(range[1]) !== held || Number(range[3]) !== release.size) {
          await response.body?.cancel();
          await store.discardPart(name);
          throw new Error(`unexpected Content-Range ${response.headers.get('content-range') ?? '(none)'}`);
        }
      } else if (response.status !== 200) {
        await response.body?.cancel();
        throw new Error(`HTTP ${String(response.status)}`);
      }
      const progressed = await appendBody(response, name, store);
      if (progressed > 0) failures = 0;
      else throw new Error('an empty answer');
      if (options.pauseMs) await sleep(options.pauseMs);
    } catch (error) {
      if (error instanceof UpdateRequestRefused || options.signal?.aborted) throw error;
      failures += 1;
      if (failures >= maxFailures) {
        return { kind: 'interrupted', reason: describe(error), bytesHeld: await store.partSize(name) };
      }
      await sleep(delay(failures));
    }
  }

  const sha512 = await store.partSha512(name);
  if (sha512 !== release.sha512) {
    await store.discardPart(name);
    return { kind: 'rejected', reason: `sha512 ${sha512} is not the feed's ${release.sha512}` };
  }
  return { kind: 'ready', path: await store.promote(name) };
}

/** Appends what arrives until the body ends or the link is cut; returns the bytes appended. */
async function appendBody(response: Response, name: string, store: DownloadStore): Promise<number> {
  if (!response.body) return 0;
  let appended = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return appended;
      await store.append(name, value);
      appended += value.byteLength;
    }
  } catch (error) {
    // Bytes that arrived before the cut are good: the next request resumes after them.
    if (appended > 0) return appended;
    throw error;
  } finally {
    reader.releaseLock();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
