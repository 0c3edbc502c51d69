import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldRowsRetry } from './held-rows-retry';

describe('retrying rows held for a record not yet at the server', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends them again after a wait, backing off while they stay held', async () => {
    const retry = vi.fn(() => Promise.resolve());
    const held = new HeldRowsRetry(retry, { firstMs: 1000, maxMs: 4000 });
    held.update(['observations/1']);
    await vi.advanceTimersByTimeAsync(999);
    expect(retry).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(retry).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(retry).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(retry).toHaveBeenCalledTimes(3);
    // Capped: every 4 s from now on.
    await vi.advanceTimersByTimeAsync(4000);
    expect(retry).toHaveBeenCalledTimes(4);
    held.stop();
  });

  it('is not pushed back by rows held every few seconds', async () => {
    const retry = vi.fn(() => Promise.resolve());
    const held = new HeldRowsRetry(retry, { firstMs: 1000, maxMs: 60_000 });
    const rows: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      rows.push(`observations/${String(n)}`);
      held.update([...rows]);
      await vi.advanceTimersByTimeAsync(400);
    }
    // Due 1 s after the first row, whatever came after it (a timer restarted by each new row
    // would not have fired at all).
    expect(retry).toHaveBeenCalledTimes(1);
    held.stop();
  });

  it('starts the backoff again when another row is held, and stops when none waits', async () => {
    const retry = vi.fn(() => Promise.resolve());
    const held = new HeldRowsRetry(retry, { firstMs: 1000, maxMs: 60_000 });
    held.update(['observations/1']);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(retry).toHaveBeenCalledTimes(2);
    held.update(['observations/1', 'observations/2']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(retry).toHaveBeenCalledTimes(3);
    held.update([]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(retry).toHaveBeenCalledTimes(3);
    held.stop();
  });

  it('never runs two retries at once, nor any after it is stopped', async () => {
    let finish: (() => void) | undefined;
    const retry = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const held = new HeldRowsRetry(retry, { firstMs: 1000, maxMs: 1000 });
    held.update(['orders/1']);
    await vi.advanceTimersByTimeAsync(1000);
    held.update(['orders/1', 'orders/2']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(retry).toHaveBeenCalledTimes(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(retry).toHaveBeenCalledTimes(2);
    held.stop();
    finish?.();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(retry).toHaveBeenCalledTimes(2);
  });
});
