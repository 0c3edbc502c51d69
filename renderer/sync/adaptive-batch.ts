/**
 * Sizes each request so that it takes about `targetMs` on the current link: small on a
 * 256 kbit/s line that drops every few seconds (a cut costs little), large on a LAN (few round
 * trips). Grows or shrinks at most ×2 per request; halves after a failure.
 */
export class AdaptiveBatchSize {
  private size: number;

  constructor(private readonly options: { initial: number; min: number; max: number; targetMs: number }) {
    this.size = options.initial;
  }

  get current(): number {
    return this.size;
  }

  recordSuccess(documents: number, elapsedMs: number): void {
    // A short answer says nothing about how many more the link could carry.
    if (documents < this.size) return;
    const ideal = (documents / Math.max(elapsedMs, 1)) * this.options.targetMs;
    this.size = this.clamp(Math.min(ideal, this.size * 2));
  }

  recordFailure(): void {
    this.size = this.clamp(this.size / 2);
  }

  private clamp(size: number): number {
    return Math.round(Math.min(this.options.max, Math.max(this.options.min, size)));
  }
}
