/** Exponential backoff with full jitter: 0.5–1 × min(30 s, 1 s × 2^(attempt−1)). */
export function backoffWithJitter(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** (Math.max(attempt, 1) - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Spaces out requests after failures, so that hundreds of devices coming back after an outage
 * do not hammer the server in step. `reset()` when the link is known to be back (the live
 * stream connected) retries at once.
 */
export class RetryGate {
  private failures = 0;
  /** Every request waiting out the backoff: one per replicated collection at most. */
  private readonly waiting = new Set<() => void>();
  private closed = false;

  constructor(private readonly delay: (attempt: number) => number = backoffWithJitter) {}

  async beforeRequest(): Promise<void> {
    if (this.failures === 0 || this.closed) return;
    await new Promise<void>((resolve) => {
      const wakeUp = (): void => {
        clearTimeout(timer);
        this.waiting.delete(wakeUp);
        resolve();
      };
      const timer = setTimeout(wakeUp, this.delay(this.failures));
      this.waiting.add(wakeUp);
    });
  }

  succeeded(): void {
    this.failures = 0;
  }

  failed(): void {
    this.failures += 1;
  }

  /** The link is back: every waiting request goes now. */
  reset(): void {
    this.failures = 0;
    for (const wakeUp of [...this.waiting]) wakeUp();
  }

  /** Sync is stopping: nothing waits any more, now or after a later failure. */
  close(): void {
    this.closed = true;
    this.reset();
  }
}
