import type { InpatientDriver } from './inpatient-driver';

/** The inpatient driver as a test holds it across the worker boundary: every call answered later. */
export type RemoteInpatient = {
  [
    K in keyof InpatientDriver as InpatientDriver[K] extends (...args: never[]) => unknown ? K : never
  ]: InpatientDriver[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** A typed stand-in that sends each call (method name and arguments) to the worker's driver. */
export function remoteInpatient(send: (method: string, args: unknown[]) => Promise<unknown>): RemoteInpatient {
  return new Proxy({} as RemoteInpatient, {
    // Not a promise: `then` stays undefined so that awaiting the stand-in is harmless.
    get: (_target, method) => (method === 'then' ? undefined : (...args: unknown[]) => send(String(method), args)),
  });
}
