import { describe, expect, it } from 'vitest';
import { nextEnrollmentAttempt } from '../../renderer/device/enroll-device';
import { isTransientFailure, retryTransient } from '../../renderer/sync/retry-transient';
import { SyncNetworkError, SyncRequestError } from '../../renderer/sync/sync-http';
import { enrollRequestSchema } from '../../shared/sync/enrollment';

describe('retrying a request the server makes idempotent', () => {
  it('counts lost links and gateways giving up as transient, and refusals as final', () => {
    expect(isTransientFailure(new SyncNetworkError('socket hang up'))).toBe(true);
    expect(isTransientFailure(new TypeError('fetch failed'))).toBe(true);
    expect(isTransientFailure(new SyncRequestError(504, 'unexpected-response', 'Gateway Timeout'))).toBe(true);
    expect(isTransientFailure(new SyncRequestError(401, 'enrollment-code-invalid', 'used'))).toBe(false);
    expect(isTransientFailure(new SyncRequestError(500, 'internal-error', 'bug'))).toBe(false);
    expect(isTransientFailure(new Error('other'))).toBe(false);
  });

  it('sends again after transient failures, waiting longer each time, until it is answered', async () => {
    const delays: number[] = [];
    let calls = 0;
    const answer = await retryTransient(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new SyncNetworkError('cut')) : Promise.resolve('enrolled');
      },
      {
        delay: (failures) => {
          delays.push(failures);
          return 1;
        },
      },
    );
    expect(answer).toBe('enrolled');
    expect(calls).toBe(3);
    expect(delays).toEqual([1, 2]);
  });

  it('gives up after its attempts, and at once on a refusal', async () => {
    let calls = 0;
    const lost = retryTransient(
      () => {
        calls += 1;
        return Promise.reject(new SyncNetworkError(`cut ${calls}`));
      },
      { attempts: 3, delay: () => 1 },
    );
    await expect(lost).rejects.toThrow('cut 3');

    calls = 0;
    const refused = retryTransient(
      () => {
        calls += 1;
        return Promise.reject(new SyncRequestError(401, 'enrollment-code-invalid', 'used'));
      },
      { delay: () => 1 },
    );
    await expect(refused).rejects.toBeInstanceOf(SyncRequestError);
    expect(calls).toBe(1);
  });
});

describe('the enrollment attempt a press of the button sends', () => {
  const typed = { serverUrl: 'https://so-yte.example:8780', code: 'K7QM-2XRD-9VTB', deviceName: 'Tiếp đón 1' };

  it('carries a request id the server accepts', () => {
    const attempt = nextEnrollmentAttempt(undefined, typed);
    expect(
      enrollRequestSchema.safeParse({ code: attempt.code, deviceName: 'pc', requestId: attempt.requestId }).success,
    ).toBe(true);
  });

  it('is the same request again while the server and code are the same', () => {
    const first = nextEnrollmentAttempt(undefined, typed);
    const again = nextEnrollmentAttempt(first, { ...typed, code: ' k7qm-2xrd-9vtb ', deviceName: 'Tiếp đón 2' });
    expect(again.requestId).toBe(first.requestId);
  });

  it('is a new request once the server or the code changes', () => {
    const first = nextEnrollmentAttempt(undefined, typed);
    expect(nextEnrollmentAttempt(first, { ...typed, code: 'K7QM-2XRD-9VTC' }).requestId).not.toBe(first.requestId);
    expect(nextEnrollmentAttempt(first, { ...typed, serverUrl: 'https://other.example' }).requestId).not.toBe(
      first.requestId,
    );
  });
});
