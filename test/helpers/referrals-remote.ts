import type { ReferralsDriver } from './referrals-driver';

/** The referrals driver as a test holds it across the worker boundary: every call answered later. */
export type RemoteReferrals = {
  [
    K in keyof ReferralsDriver as ReferralsDriver[K] extends (...args: never[]) => unknown ? K : never
  ]: ReferralsDriver[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** A typed stand-in that sends each call (method name and arguments) to the worker's driver. */
export function remoteReferrals(send: (method: string, args: unknown[]) => Promise<unknown>): RemoteReferrals {
  return new Proxy({} as RemoteReferrals, {
    // Not a promise: `then` stays undefined so that awaiting the stand-in is harmless.
    get: (_target, method) => (method === 'then' ? undefined : (...args: unknown[]) => send(String(method), args)),
  });
}
