import { backoffWithJitter } from './backoff';
import { SyncNetworkError, SyncRequestError } from './sync-http';

/** Statuses of a proxy in front of the server that gave up on it: the server may have acted. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * A failure after which the request may or may not have reached the server: the link broke, or
 * a gateway gave up. Sending it again is only right for requests the server makes idempotent.
 */
export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof SyncNetworkError ||
    error instanceof TypeError ||
    (error instanceof SyncRequestError && GATEWAY_STATUSES.has(error.status))
  );
}

/**
 * Runs an idempotent request up to `attempts` times, waiting `delay(failures)` after each
 * transient failure; any other failure, or the last transient one, is thrown as it came.
 */
export async function retryTransient<T>(
  request: () => Promise<T>,
  options: { attempts?: number; delay?: (failures: number) => number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const delay = options.delay ?? backoffWithJitter;
  for (let failures = 0; ;) {
    try {
      return await request();
    } catch (error) {
      failures += 1;
      if (failures >= attempts || !isTransientFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay(failures)));
    }
  }
}
