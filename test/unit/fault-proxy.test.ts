import { createServer, connect, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultProxy, PERFECT_LINK } from '../helpers/fault-proxy';

/** Blocks the event loop for `ms`, as a PGlite query or a JSON parse does in a busy test process. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: nothing else runs, and the loop's cached time falls behind the clock
  }
}

describe('the fault proxy', () => {
  let target: Server | undefined;
  let proxy: FaultProxy | undefined;

  afterEach(async () => {
    await proxy?.stop();
    await new Promise<void>((resolve) => (target ? target.close(() => resolve()) : resolve()));
    target = undefined;
    proxy = undefined;
  });

  it('delivers the bytes in the order they were sent, even when the event loop stalls under a bandwidth cap', async () => {
    // A pattern where any reordered or lost segment shows: byte i is i mod 251.
    const sent = Buffer.alloc(256 * 1024);
    for (let i = 0; i < sent.length; i += 1) sent[i] = i % 251;
    target = createServer((socket) => {
      // Written in pieces with stalls between them, so segments are scheduled across loop turns
      // whose cached time lags the clock.
      let offset = 0;
      const writeMore = (): void => {
        // Left open at the end: the proxy drops what it still holds when a side closes.
        if (offset >= sent.length) return;
        socket.write(sent.subarray(offset, offset + 4 * 1024));
        offset += 4 * 1024;
        if (offset % (64 * 1024) === 0) stall(3);
        setImmediate(writeMore);
      };
      writeMore();
    });
    await new Promise<void>((resolve) => target?.listen(0, '127.0.0.1', resolve));
    const address = target.address();
    if (!address || typeof address === 'string') throw new Error('target not listening');
    proxy = new FaultProxy(() => address.port, { ...PERFECT_LINK, latencyMs: 5, bytesPerSecond: 10_000_000 });
    const port = await proxy.start();

    const received = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const client = connect(port, '127.0.0.1');
      let length = 0;
      client.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        stall(7);
        if (length >= sent.length) {
          client.destroy();
          resolve(Buffer.concat(chunks));
        }
      });
      client.on('error', reject);
    });
    expect(received.length).toBe(sent.length);
    expect(received.equals(sent)).toBe(true);
  });
});
