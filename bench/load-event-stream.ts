import { syncPath } from '../shared/sync/protocol';
import { readResyncEvent, type ChangedCollections } from '../shared/sync/resync-event';

/**
 * A simulated PC's live stream (`GET /sync/vN/stream`), as the client keeps one open: calls
 * `onResync` for every RESYNC the server sends (one on connect, one per change in the device's
 * facility or province). Resolves once the first event arrived; `close()` ends it.
 */
export async function openLoadEventStream(
  serverUrl: string,
  token: string,
  onResync: (collections: ChangedCollections) => void,
): Promise<{ close: () => void; failed: () => boolean }> {
  const controller = new AbortController();
  let failed = false;
  const response = await fetch(`${serverUrl}${syncPath('stream')}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let first: (() => void) | undefined;
  const connected = new Promise<void>((resolve) => (first = resolve));
  void (async () => {
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          // The server ended a stream nobody closed: the device would have to reconnect.
          if (!controller.signal.aborted) failed = true;
          break;
        }
        buffered += value;
        const events = buffered.split('\n\n');
        buffered = events.pop() ?? '';
        for (const event of events) {
          const collections = readResyncEvent(event);
          if (collections === undefined) continue;
          first?.();
          onResync(collections);
        }
      }
    } catch {
      if (!controller.signal.aborted) failed = true;
    }
  })();
  await connected;
  return { close: () => controller.abort(), failed: () => failed };
}
