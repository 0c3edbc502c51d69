import {
  PULL_LIMIT_MAX,
  syncPath,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type SyncCheckpoint,
  type WireDocument,
} from '../../shared/sync/protocol';
import { DEVICE_REPORT_HEADER, encodeDeviceReport, type DeviceReport } from '../../shared/sync/device-report';
import { AdaptiveBatchSize } from './adaptive-batch';
import { RetryGate } from './backoff';
import type { Quarantine } from './quarantine';
import { requestJson, SyncNetworkError, SyncRequestError } from './sync-http';

type Body = Record<string, unknown>;

export interface SyncTransportOptions {
  serverUrl: string;
  credential: string;
  /** The wire version this app speaks; only tests of old clients set another. */
  protocolVersion?: number;
  quarantine: Quarantine;
  /** The state a pending local write was made on (see Outbox.baseOf). */
  baseOf: (collection: string, id: string) => WireDocument<Body> | null | undefined;
  /** Called after every request: null on success, else the error. */
  onOutcome: (error: unknown) => void;
  now: () => Date;
  /** What this PC tells the province with each pull and push (backlog, quarantine, version) */
  report?: () => DeviceReport;
}

/** Statuses that refuse one document rather than the device or the request as a whole. */
const DOCUMENT_REFUSALS = new Set(['invalid-document', 'out-of-scope', 'forbidden', 'reference-missing']);

/** A batch that failed this often on the server is split, down to the one document that fails. */
const SERVER_FAILURES_BEFORE_SPLIT = 3;
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * The server failed on this request itself, or refused it as a whole without naming a document:
 * sending the same batch again forever would stop everything behind it. Gateway statuses are
 * the link, not the batch.
 */
function batchFailureWeight(error: unknown): number {
  if (!(error instanceof SyncRequestError)) return 0;
  if (error.status >= 500 && !GATEWAY_STATUSES.has(error.status)) return 1;
  // A refusal of the request's content (not of the device): no retry can change the answer.
  if ([400, 413, 422].includes(error.status)) return SERVER_FAILURES_BEFORE_SPLIT;
  return 0;
}

/**
 * The HTTP side of sync for every collection: request sizes that follow the link, backoff with
 * jitter after failures, gzip both ways, and quarantine of documents the server refuses.
 */
export class SyncTransport {
  readonly gate = new RetryGate();
  private readonly pullSize = new AdaptiveBatchSize({
    initial: PULL_LIMIT_MAX,
    min: 20,
    max: PULL_LIMIT_MAX,
    targetMs: 4000,
  });
  private readonly pushSize = new AdaptiveBatchSize({ initial: 50, min: 5, max: 500, targetMs: 2000 });

  constructor(private readonly options: SyncTransportOptions) {}

  /** The device report as of this request: the server keeps the latest it saw. */
  private reportHeaders(): Record<string, string> {
    const report = this.options.report?.();
    return report ? { [DEVICE_REPORT_HEADER]: encodeDeviceReport(report) } : {};
  }

  /**
   * Up to `maxDocuments` changes after the checkpoint, fetched in link-sized requests.
   * `total` (asked for on the first request) is how many remained when this pull began.
   */
  async pull(
    collection: string,
    checkpoint: SyncCheckpoint | undefined,
    maxDocuments: number,
    withTotal: boolean,
    onRequest: (documents: number, total: number | undefined) => void = () => undefined,
  ): Promise<PullResponse<Body>> {
    const documents: PullResponse<Body>['documents'] = [];
    let position = checkpoint ?? null;
    const caughtUp = this.caughtUpAt;
    this.caughtUpAt = undefined;
    // Only the immediate follow-up of a pull that reached the end, and only if no change was
    // announced since its last page was asked for; otherwise ask the server.
    if (caughtUp?.key === prefetchKey(collection, position) && caughtUp.resyncs === this.resyncs && !withTotal) {
      return { documents: [], checkpoint: position };
    }
    let total: number | undefined;
    for (;;) {
      const page =
        this.takePrefetched(collection, position) ??
        this.fetchPullPage(
          collection,
          position,
          Math.min(this.pullSize.current, maxDocuments - documents.length),
          withTotal && total === undefined,
        );
      const { response, limit, resyncsAtRequest } = await page;
      total ??= response.total;
      onRequest(response.documents.length, response.total);
      documents.push(...response.documents);
      position = response.checkpoint ?? position;
      if (response.documents.length < limit || response.hasMore === false) {
        // Caught up. RxDB asks again at once after a full batch: answer that without a request.
        if (documents.length >= maxDocuments) {
          this.caughtUpAt = { key: prefetchKey(collection, position), resyncs: resyncsAtRequest };
        }
        break;
      }
      if (documents.length >= maxDocuments) {
        // More is waiting: fetch it while the device writes this batch.
        this.prefetch(collection, position, Math.min(this.pullSize.current, maxDocuments));
        break;
      }
    }
    return { documents, checkpoint: position, ...(total === undefined ? {} : { total }) };
  }

  private prefetched: { key: string; page: Promise<PullPage> } | undefined;
  private caughtUpAt: { key: string; resyncs: number } | undefined;
  /** How many RESYNC events the live stream has announced. */
  private resyncs = 0;

  /** The server announced a change: the next pull must ask it. */
  noteResync(): void {
    this.resyncs += 1;
  }

  private prefetch(collection: string, position: SyncCheckpoint | null, limit: number): void {
    const page = this.fetchPullPage(collection, position, limit, false);
    page.catch(() => undefined);
    this.prefetched = { key: prefetchKey(collection, position), page };
  }

  /** The prefetched page if it starts where this pull starts; otherwise it is dropped. */
  private takePrefetched(collection: string, position: SyncCheckpoint | null): Promise<PullPage> | undefined {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    if (prefetched?.key !== prefetchKey(collection, position)) return undefined;
    // A failed prefetch is simply fetched again.
    return prefetched.page.catch(() => this.fetchPullPage(collection, position, this.pullSize.current, false));
  }

  private async fetchPullPage(
    collection: string,
    position: SyncCheckpoint | null,
    limit: number,
    withTotal: boolean,
  ): Promise<PullPage> {
    // POST with the parameters in the body keeps one URL for every pull: the CORS preflight
    // that the Authorization header needs is then cached instead of repeated per page.
    const url = new URL(syncPath(collection, 'pull', this.options.protocolVersion), this.options.serverUrl);
    const body = { checkpoint: position, limit, withTotal };
    const resyncsAtRequest = this.resyncs;
    const started = Date.now();
    const response = await this.request(this.pullSize, () =>
      requestJson<PullResponse<Body>>(url, {
        method: 'POST',
        credential: this.options.credential,
        body,
        headers: this.reportHeaders(),
      }),
    );
    this.pullSize.recordSuccess(response.documents.length, Date.now() - started);
    return { response, limit, resyncsAtRequest };
  }

  /** Pushes rows in link-sized requests; returns the master states to adopt. */
  async push(collection: string, rows: PushRow<Body>[]): Promise<PushResponse<Body>> {
    const masters: PushResponse<Body> = [];
    let remaining = rows.map((row) => this.withKnownBase(collection, row));
    while (remaining.length > 0) {
      const chunk = remaining.slice(0, this.pushSize.current);
      masters.push(...(await this.pushChunk(collection, chunk)));
      remaining = remaining.slice(chunk.length);
    }
    return masters;
  }

  /**
   * RxDB sends no assumed master for a document it never synced, which after a server restore
   * includes documents edited here on top of a master this device did see. Their pending
   * write's base is that master, so the server merges the edit instead of fencing it off.
   */
  private withKnownBase(collection: string, row: PushRow<Body>): PushRow<Body> {
    const id = String(row.newDocumentState.id);
    // RxDB took the refused state for the server's; the server still holds what the refused
    // edit was made on, and the fixed edit must merge against that. Its lineage says the same:
    // a fix ("Sửa") starts from the refused copy, not from what a pull brought since, so it must
    // not pass for a version made on the server's newer master (a fast-forward would then undo
    // that master's changes). The lineage is not signed: it only tells the server what to merge.
    const held = this.options.quarantine.get(collection, id);
    if (held) {
      const lineage = held.row.newDocumentState.syncMeta.lineage;
      return {
        assumedMasterState: held.row.assumedMasterState ?? null,
        newDocumentState: { ...row.newDocumentState, syncMeta: { ...row.newDocumentState.syncMeta, lineage } },
      };
    }
    if (row.assumedMasterState) return row;
    const base = this.options.baseOf(collection, id);
    return base ? { ...row, assumedMasterState: base } : row;
  }

  /** Failed pushes each document was part of, since it was last accepted. */
  private readonly batchFailures = new Map<string, number>();

  /**
   * Sends one chunk; a refused document is set aside in quarantine and the rest sent again. A
   * chunk the server keeps failing on is split in halves, down to the document that makes it
   * fail, which is held in quarantine so that everything else is sent.
   */
  private async pushChunk(collection: string, rows: PushRow<Body>[]): Promise<PushResponse<Body>> {
    let pending = rows;
    for (;;) {
      if (pending.length === 0) return [];
      const url = new URL(syncPath(collection, 'push', this.options.protocolVersion), this.options.serverUrl);
      const body = pending;
      try {
        const started = Date.now();
        const masters = await this.request(this.pushSize, () =>
          requestJson<PushResponse<Body>>(url, {
            method: 'POST',
            credential: this.options.credential,
            body,
            headers: this.reportHeaders(),
          }),
        );
        this.pushSize.recordSuccess(body.length, Date.now() - started);
        for (const row of body) {
          const id = String(row.newDocumentState.id);
          this.batchFailures.delete(`${collection}/${id}`);
          await this.options.quarantine.release(collection, id);
        }
        return masters;
      } catch (error) {
        const refused = refusedRow(error, pending);
        if (!refused && batchFailureWeight(error) > 0) return this.afterBatchFailure(collection, pending, error);
        if (!refused || !(error instanceof SyncRequestError)) throw error;
        await this.options.quarantine.hold({
          collection,
          id: String(refused.newDocumentState.id),
          row: refused,
          code: error.code,
          message: error.message,
          details: error.details,
          at: this.options.now().toISOString(),
        });
        pending = pending.filter((row) => row !== refused);
      }
    }
  }

  private async afterBatchFailure(
    collection: string,
    rows: PushRow<Body>[],
    error: unknown,
  ): Promise<PushResponse<Body>> {
    const keyOf = (row: PushRow<Body>): string => `${collection}/${String(row.newDocumentState.id)}`;
    for (const row of rows) {
      this.batchFailures.set(keyOf(row), (this.batchFailures.get(keyOf(row)) ?? 0) + batchFailureWeight(error));
    }
    // Perhaps the server's trouble passes: try the batch again later, as any failed request.
    if (rows.some((row) => (this.batchFailures.get(keyOf(row)) ?? 0) < SERVER_FAILURES_BEFORE_SPLIT)) throw error;
    const [only] = rows;
    if (rows.length === 1 && only && error instanceof SyncRequestError) {
      this.batchFailures.delete(keyOf(only));
      await this.options.quarantine.hold({
        collection,
        id: String(only.newDocumentState.id),
        row: only,
        code: error.status >= 500 ? 'internal-error' : error.code,
        message: error.message,
        details: error.details,
        at: this.options.now().toISOString(),
      });
      return [];
    }
    const half = Math.ceil(rows.length / 2);
    return [
      ...(await this.pushChunk(collection, rows.slice(0, half))),
      ...(await this.pushChunk(collection, rows.slice(half))),
    ];
  }

  private async request<T>(size: AdaptiveBatchSize, send: () => Promise<T>): Promise<T> {
    await this.gate.beforeRequest();
    try {
      const result = await send();
      this.gate.succeeded();
      this.options.onOutcome(null);
      return result;
    } catch (error) {
      if (error instanceof SyncNetworkError) size.recordFailure();
      // A refused document or a new server epoch says nothing about the link: no backoff.
      const linkFine =
        error instanceof SyncRequestError && (DOCUMENT_REFUSALS.has(error.code) || error.code === 'epoch-changed');
      if (!linkFine) this.gate.failed();
      this.options.onOutcome(error);
      throw error;
    }
  }
}

interface PullPage {
  response: PullResponse<Body>;
  /** The limit it was asked with: a shorter answer means the device has caught up. */
  limit: number;
  /** RESYNC events announced when it was asked for */
  resyncsAtRequest: number;
}

function prefetchKey(collection: string, position: SyncCheckpoint | null): string {
  return `${collection}:${JSON.stringify(position)}`;
}

function refusedRow(error: unknown, rows: PushRow<Body>[]): PushRow<Body> | undefined {
  if (!(error instanceof SyncRequestError) || !DOCUMENT_REFUSALS.has(error.code)) return undefined;
  const id = (error.details as { id?: unknown } | undefined)?.id;
  return rows.find((row) => row.newDocumentState.id === id);
}
