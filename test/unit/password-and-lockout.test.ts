import { describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../renderer/auth/idle-timer';
import { attemptsLeft, FREE_ATTEMPTS, lockRemainingMs, recordFailure } from '../../shared/staff/lockout';
import { passwordProblems } from '../../shared/staff/password-policy';
import {
  createPasswordVerifier,
  MIN_PBKDF2_ITERATIONS,
  passwordVerifierSchema,
  verifyPassword,
} from '../../shared/staff/password-verifier';

describe('password verifiers', () => {
  it('verify the right password, refuse a wrong one, and never store the password', async () => {
    const verifier = await createPasswordVerifier('Mật khẩu-2026');
    expect(verifier.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    expect(JSON.stringify(verifier)).not.toContain('2026');
    expect(await verifyPassword('Mật khẩu-2026', verifier)).toBe(true);
    expect(await verifyPassword('Mật khẩu-2027', verifier)).toBe(false);
    // Typed with combining marks (another keyboard layout): the same password.
    expect(await verifyPassword('Mật khẩu-2026'.normalize('NFD'), verifier)).toBe(true);
  });

  it('salt each verifier: the same password twice gives two hashes', async () => {
    const [a, b] = await Promise.all([
      createPasswordVerifier('same-password'),
      createPasswordVerifier('same-password'),
    ]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuse fewer than 600,000 iterations, so a forged account cannot weaken login', async () => {
    const weak = await createPasswordVerifier('weak-one', 1000);
    expect(passwordVerifierSchema.safeParse(weak).success).toBe(false);
    expect(passwordVerifierSchema.safeParse({ ...weak, iterations: MIN_PBKDF2_ITERATIONS }).success).toBe(true);
  });
});

describe('the password policy', () => {
  it.each([
    ['short', ['password-too-short']],
    ['bacsi-hoang', []],
    ['bacsihoang', ['password-same-as-username']],
    ['x'.repeat(129), ['password-too-long']],
  ])('%s → %j', (password, problems) => {
    expect(passwordProblems(password, 'bacsihoang')).toEqual(problems);
  });
});

describe('lockout after wrong passwords', () => {
  const now = new Date('2026-11-23T08:00:00.000Z');

  it('allows five tries, then locks for 5 minutes, doubling up to an hour', () => {
    let state = undefined as ReturnType<typeof recordFailure> | undefined;
    for (let n = 1; n < FREE_ATTEMPTS; n++) {
      state = recordFailure(state, now);
      expect(lockRemainingMs(state, now)).toBe(0);
      expect(attemptsLeft(state)).toBe(FREE_ATTEMPTS - n);
    }
    state = recordFailure(state, now);
    expect(lockRemainingMs(state, now)).toBe(5 * 60_000);
    state = recordFailure(state, now);
    expect(lockRemainingMs(state, now)).toBe(10 * 60_000);
    for (let n = 0; n < 10; n++) state = recordFailure(state, now);
    expect(lockRemainingMs(state, now)).toBe(60 * 60_000);
    expect(lockRemainingMs(state, new Date(now.getTime() + 61 * 60_000))).toBe(0);
  });

  it('never locks longer than an hour when the PC clock is set back', () => {
    const lockedInFuture = { failures: 5, lockedUntil: '2030-01-01T00:00:00.000Z' };
    expect(lockRemainingMs(lockedInFuture, now)).toBe(60 * 60_000);
  });
});

describe('the idle timer', () => {
  it('fires once after the idle time, and each poke starts the wait again', () => {
    vi.useFakeTimers();
    try {
      const onIdle = vi.fn();
      const timer = new IdleTimer(10 * 60_000, onIdle);
      timer.poke();
      vi.advanceTimersByTime(9 * 60_000);
      timer.poke();
      vi.advanceTimersByTime(9 * 60_000);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(60 * 60_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
      timer.poke();
      timer.stop();
      vi.advanceTimersByTime(60 * 60_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
