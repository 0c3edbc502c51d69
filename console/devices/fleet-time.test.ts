import { describe, expect, it } from 'vitest';
import { absoluteTime, agoOf } from './fleet-time';

const now = '2026-12-03T12:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(now) - ms).toISOString();

describe('agoOf', () => {
  it('says the largest whole unit that fits', () => {
    expect(agoOf(before(59_999), now)).toEqual({ unit: 'justNow', count: 0 });
    expect(agoOf(before(60_000), now)).toEqual({ unit: 'minutes', count: 1 });
    expect(agoOf(before(59 * 60_000 + 59_000), now)).toEqual({ unit: 'minutes', count: 59 });
    expect(agoOf(before(3_600_000), now)).toEqual({ unit: 'hours', count: 1 });
    expect(agoOf(before(23 * 3_600_000 + 3_599_000), now)).toEqual({ unit: 'hours', count: 23 });
    expect(agoOf(before(86_400_000 * 3 + 5), now)).toEqual({ unit: 'days', count: 3 });
  });

  it('reads a time after the server clock as just now', () => {
    expect(agoOf('2026-12-03T12:05:00.000Z', now)).toEqual({ unit: 'justNow', count: 0 });
  });
});

describe('absoluteTime', () => {
  it('writes the time in Vietnam (UTC+7), day first', () => {
    const vi = absoluteTime('2026-12-03T19:30:00.000Z', 'vi');
    expect(vi).toContain('02:30');
    expect(vi).toContain('04/12/2026');
    expect(absoluteTime('2026-12-03T07:05:00.000Z', 'en')).toBe('03/12/2026, 14:05');
  });
});
