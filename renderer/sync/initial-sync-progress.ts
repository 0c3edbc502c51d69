import type { InitialSyncProgress } from './sync-status';

/**
 * Progress of a download from scratch: documents done of the total the server announced, and a
 * time estimate from the rate so far. Times come from a monotonic clock passed in, never from
 * the (possibly wrong) wall clock.
 */
export class InitialSyncTracker {
  private done = 0;
  private total = 0;
  private startedAt = 0;
  private active = false;

  constructor(private readonly clock: () => number) {}

  start(total: number): void {
    this.active = total > 0;
    this.done = 0;
    this.total = total;
    this.startedAt = this.clock();
  }

  add(documents: number): void {
    if (this.active) this.done = Math.min(this.total, this.done + documents);
  }

  finish(): void {
    this.active = false;
  }

  get progress(): InitialSyncProgress | null {
    if (!this.active) return null;
    const elapsedSeconds = (this.clock() - this.startedAt) / 1000;
    const rate = elapsedSeconds > 0 ? this.done / elapsedSeconds : 0;
    return {
      done: this.done,
      total: this.total,
      secondsLeft: this.done > 0 && rate > 0 ? Math.ceil((this.total - this.done) / rate) : null,
    };
  }
}
