import { RESYNC_EVENT } from '../../shared/sync/protocol';
import { backoffWithJitter } from './backoff';

export interface EventStreamOptions {
  url: URL;
  credential: string;
  onResync: () => void;
  onConnectionChange: (connected: boolean) => void;
  /** The server answered but refused the stream (revoked device, outdated app…). */
  onRefused?: (status: number, code: string | undefined, message: string) => void;
  /** Delay before reconnect attempt n (from 1); exponential with jitter by default. */
  retryDelay?: (attempt: number) => number;
}

/**
 * The server-sent-event stream that tells this device when to pull. Read with fetch rather
 * than EventSource because EventSource cannot send an Authorization header. Reconnects
 * forever with backoff until closed; the server sends RESYNC on every connect, so a
 * reconnect is also a catch-up.
 */
export function openEventStream(options: EventStreamOptions): { close: () => void } {
  const controller = new AbortController();
  const retryDelay = options.retryDelay ?? backoffWithJitter;

  const closed = (): boolean => controller.signal.aborted;

  const run = async (): Promise<void> => {
    let failuresInARow = 0;
    while (!closed()) {
      try {
        const response = await fetch(options.url, {
          headers: { authorization: `Bearer ${options.credential}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (response.ok && response.body) {
          options.onConnectionChange(true);
          failuresInARow = 0;
          await readEvents(response.body, options.onResync);
        } else {
          const refusal = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
          options.onRefused?.(response.status, refusal.code, refusal.message ?? response.statusText);
        }
      } catch {
        // A failed or cut connection is retried below; its cause is not the user's business.
      }
      if (closed()) return;
      options.onConnectionChange(false);
      failuresInARow += 1;
      await sleep(retryDelay(failuresInARow), controller.signal);
    }
  };
  void run();
  return { close: () => controller.abort() };
}

async function readEvents(body: ReadableStream<Uint8Array>, onResync: () => void): Promise<void> {
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
      if (event.split('\n').some((line) => line === `data: ${RESYNC_EVENT}`)) onResync();
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
