export interface HeldRowsRetryOptions {
  /** The wait before the first retry after a row is held */
  firstMs: number;
  /** The longest wait between retries while rows stay held */
  maxMs: number;
}

const DEFAULTS: HeldRowsRetryOptions = { firstMs: 5_000, maxMs: 5 * 60_000 };

/**
 * Sends rows held because they wait on another record (`reference-missing`, an author not yet
 * at the server) again on a timer, backing off while they stay held. The collection they wait on
 * moving wakes them too, but not always: a lab result held for its order while that order's
 * push was still committing is never woken by the orders collection, which has nothing left to
 * send (the 10,000-document backlog bench left 9 such results unsent). A new held row starts the
 * backoff again.
 */
export class HeldRowsRetry {
  private readonly options: HeldRowsRetryOptions;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dueAt = 0;
  private delayMs: number;
  private waiting = new Set<string>();
  private running = false;
  private stopped = false;

  constructor(
    private readonly retry: () => Promise<void>,
    options: Partial<HeldRowsRetryOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.delayMs = this.options.firstMs;
  }

  /** The keys of the rows waiting now. */
  update(waiting: readonly string[]): void {
    if (this.stopped) return;
    const fresh = waiting.some((key) => !this.waiting.has(key));
    this.waiting = new Set(waiting);
    if (this.waiting.size === 0) {
      this.cancel();
      this.delayMs = this.options.firstMs;
      return;
    }
    if (fresh) {
      // Sooner, never later: rows held every few seconds during a long push must not keep
      // pushing the retry back.
      this.delayMs = this.options.firstMs;
      if (this.timer && this.dueAt > Date.now() + this.delayMs) this.cancel();
    }
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private schedule(): void {
    if (this.timer || this.running || this.stopped || this.waiting.size === 0) return;
    this.dueAt = Date.now() + this.delayMs;
    this.timer = setTimeout(() => void this.fire(), this.delayMs);
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    this.delayMs = Math.min(this.options.maxMs, this.delayMs * 2);
    try {
      await this.retry();
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
