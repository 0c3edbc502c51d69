import type { OrdersDriver } from './orders-driver';

/** The driver as a test holds it across the worker boundary: every call answered later. */
export type RemoteOrders = {
  [
    K in keyof OrdersDriver as OrdersDriver[K] extends (...args: never[]) => unknown ? K : never
  ]: OrdersDriver[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** A typed stand-in that sends each call (method name and arguments) to the worker's driver. */
export function remoteOrders(send: (method: string, args: unknown[]) => Promise<unknown>): RemoteOrders {
  return new Proxy({} as RemoteOrders, {
    // Not a promise: `then` stays undefined so that awaiting the stand-in is harmless.
    get: (_target, method) => (method === 'then' ? undefined : (...args: unknown[]) => send(String(method), args)),
  });
}
