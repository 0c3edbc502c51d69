import { readResyncEvent, type ChangedCollections } from '../../shared/sync/resync-event';
import { backoffWithJitter } from './backoff';

export interface EventStreamOptions {
  url: URL;
  credential: string;
  /** The server announced changes: in the collections named, or in any (`null`). */
  onResync: (collections: ChangedCollections) => void;
  onConnectionChange: (connected: boolean) => void;
  /** The server answered but refused the stream (revoked device, outdated app…). */
  onRefused?: (status: number, code: string | undefined, message: string) => void;
  /** Delay before reconnect attempt n (from 1); exponential with jitter by default. */
  retryDelay?: (attempt: number) => number;
  /** When the next attempt to connect is due (null once connected): what "Sync now" tells. */
  onRetryScheduled?: (at: Date | null) => void;
}

export interface EventStream {
  close: () => void;
  /** Cuts the wait before the next attempt short ("Sync now" pressed while offline). */
  retryNow: () => void;
}

/**
 * The server-sent-event stream that tells this device when to pull. Read with fetch rather
 * than EventSource because EventSource cannot send an Authorization header. Reconnects
 * forever with backoff until closed; the server sends RESYNC on every connect, so a
 * reconnect is also a catch-up.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const controller = new AbortController();
  let wakeUp: (() => void) | undefined;
  const retryDelay = options.retryDelay ?? backoffWithJitter;

  const closed = (): boolean => controller.signal.aborted;

  const run = async (): Promise<void> => {
    let failuresInARow = 0;
    while (!closed()) {
      // The server answered and said no: the link is up, the refusal is the state to show.
      let refused = false;
      try {
        const response = await fetch(options.url, {
          headers: { authorization: `Bearer ${options.credential}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (response.ok && response.body) {
          options.onRetryScheduled?.(null);
          options.onConnectionChange(true);
          failuresInARow = 0;
          await readEvents(response.body, options.onResync);
        } else {
          const refusal = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
          // A gateway's 502–504 says the server is out of reach, not that it refused.
          refused = response.status < 502 || response.status > 504;
          options.onRefused?.(response.status, refusal.code, refusal.message ?? response.statusText);
        }
      } catch {
        // A failed or cut connection is retried below; its cause is not the user's business.
      }
      if (closed()) return;
      if (!refused) options.onConnectionChange(false);
      failuresInARow += 1;
      const delay = retryDelay(failuresInARow);
      options.onRetryScheduled?.(new Date(Date.now() + delay));
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        void sleep(delay, controller.signal).then(resolve);
      });
      wakeUp = undefined;
    }
  };
  void run();
  return { close: () => controller.abort(), retryNow: () => wakeUp?.() };
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  onResync: (collections: ChangedCollections) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const collections = readResyncEvent(event);
      if (collections !== undefined) onResync(collections);
      boundary = buffer.indexOf('\n\n');
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
