import { describe, expect, it } from 'vitest';
import { AdaptiveBatchSize } from '../../renderer/sync/adaptive-batch';
import { backoffWithJitter, RetryGate } from '../../renderer/sync/backoff';
import { InitialSyncTracker } from '../../renderer/sync/initial-sync-progress';

/** Whether a promise has settled by the next macrotask: a wait that ends at once, or one still running. */
async function settledAtOnce(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 0, false))]);
}

describe('backoff with jitter', () => {
  it('doubles up to 30 s and spreads each delay over its upper half', () => {
    expect(backoffWithJitter(1, () => 0)).toBe(500);
    expect(backoffWithJitter(1, () => 1)).toBe(1000);
    expect(backoffWithJitter(4, () => 0)).toBe(4000);
    expect(backoffWithJitter(20, () => 1)).toBe(30_000);
  });

  it('waits only after failures, and not at all once reset', async () => {
    const delays: number[] = [];
    const gate = new RetryGate((attempt) => {
      delays.push(attempt);
      return 5;
    });
    await gate.beforeRequest();
    gate.failed();
    gate.failed();
    await gate.beforeRequest();
    gate.succeeded();
    await gate.beforeRequest();
    expect(delays).toEqual([2]);

    const slow = new RetryGate(() => 60_000);
    slow.failed();
    const waiting = slow.beforeRequest();
    expect(await settledAtOnce(waiting)).toBe(false);
    slow.reset();
    expect(await settledAtOnce(waiting)).toBe(true);
  });

  it('never waits once closed, even after another failure', async () => {
    const gate = new RetryGate(() => 60_000);
    gate.failed();
    const waiting = gate.beforeRequest();
    expect(await settledAtOnce(waiting)).toBe(false);
    gate.close();
    expect(await settledAtOnce(waiting)).toBe(true);
    gate.failed();
    expect(await settledAtOnce(gate.beforeRequest())).toBe(true);
  });

  it('wakes every waiting request on reset, one per replicated collection', async () => {
    const gate = new RetryGate(() => 60_000);
    gate.failed();
    const waiting = [gate.beforeRequest(), gate.beforeRequest(), gate.beforeRequest()];
    expect(await settledAtOnce(Promise.race(waiting))).toBe(false);
    gate.reset();
    expect(await Promise.all(waiting.map(settledAtOnce))).toEqual([true, true, true]);
  });
});

describe('adaptive batch size', () => {
  const make = () => new AdaptiveBatchSize({ initial: 100, min: 10, max: 1000, targetMs: 2000 });

  it('grows at most twofold on a fast link and settles where a request takes the target time', () => {
    const size = make();
    size.recordSuccess(100, 50);
    expect(size.current).toBe(200);
    size.recordSuccess(200, 1000);
    expect(size.current).toBe(400);
    size.recordSuccess(400, 4000);
    expect(size.current).toBe(200);
  });

  it('halves after a failure, down to the minimum', () => {
    const size = make();
    for (let n = 0; n < 10; n++) size.recordFailure();
    expect(size.current).toBe(10);
  });

  it('learns nothing from a short answer', () => {
    const size = make();
    size.recordSuccess(3, 5000);
    expect(size.current).toBe(100);
  });
});

describe('initial sync progress', () => {
  it('counts documents of the announced total and estimates the time left from the rate', () => {
    let now = 0;
    const tracker = new InitialSyncTracker(() => now);
    expect(tracker.progress).toBeNull();
    tracker.start(1000);
    expect(tracker.progress).toEqual({ done: 0, total: 1000, secondsLeft: null });
    now = 10_000;
    tracker.add(250);
    expect(tracker.progress).toEqual({ done: 250, total: 1000, secondsLeft: 30 });
    tracker.finish();
    expect(tracker.progress).toBeNull();
  });
});
