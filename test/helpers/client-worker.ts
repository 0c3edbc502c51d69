import { parentPort } from 'node:worker_threads';
import { ClientDriver } from './client-driver';

/**
 * The entry of a client's worker thread (see isolated-client.ts): answers each call with the
 * driver method's result, or with the error it threw, and forwards the client's sync events.
 */
const port = parentPort;
if (!port) throw new Error('client-worker.ts runs only as a worker thread');

const driver = new ClientDriver((event) => port.postMessage({ event }));

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

port.on('message', (call: Call) => {
  void answer(call);
});

async function answer({ id, method, args }: Call): Promise<void> {
  try {
    const member = (driver as unknown as Record<string, unknown>)[method];
    if (typeof member !== 'function') throw new Error(`The client driver has no method ${method}.`);
    const result: unknown = await (member as (...values: unknown[]) => unknown).apply(driver, args);
    port?.postMessage({ id, result });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port?.postMessage({ id, error: { message: failure.message, stack: failure.stack ?? '' } });
  }
}
