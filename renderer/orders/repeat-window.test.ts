import { describe, expect, it } from 'vitest';
import { findRepeats, isWithinValidity, windowStart, type EarlierOrder, type EarlierResult } from './repeat-window';

const now = new Date('2026-03-10T08:00:00.000Z');
const hoursBefore = (hours: number): string => new Date(now.getTime() - hours * 3_600_000).toISOString();

const result = (code: string, recordedAt: string, observationId = `obs-${recordedAt}`): EarlierResult => ({
  observationId,
  code,
  value: '7,2',
  unit: 'mmol/L',
  flag: 'high',
  recordedAt,
});
const order = (code: string, orderedAt: string): EarlierOrder => ({ orderId: `order-${orderedAt}`, code, orderedAt });

describe('the validity window of a test', () => {
  it('counts whole days back from now, the boundary itself outside', () => {
    expect(isWithinValidity(hoursBefore(23), now, 1)).toBe(true);
    expect(isWithinValidity(hoursBefore(24), now, 1)).toBe(false);
    expect(isWithinValidity(hoursBefore(71), now, 3)).toBe(true);
    expect(isWithinValidity(hoursBefore(73), now, 3)).toBe(false);
  });

  it('never warns for a test valid 0 days, nor for an unreadable time', () => {
    expect(isWithinValidity(hoursBefore(1), now, 0)).toBe(false);
    expect(isWithinValidity('not a time', now, 3)).toBe(false);
  });

  it('counts a time ahead of this clock (another PC running fast) as recent', () => {
    expect(isWithinValidity(hoursBefore(-5), now, 1)).toBe(true);
  });

  it('gives the earliest time a query must reach', () => {
    expect(windowStart(now, 3)).toBe('2026-03-07T08:00:00.000Z');
    expect(windowStart(now, 0)).toBe(now.toISOString());
  });
});

describe('earlier tests found before ordering', () => {
  it('shows the latest result of the same test inside its window', () => {
    const warnings = findRepeats(
      [{ code: 'SEN-XN-001', validityDays: 3 }],
      [result('SEN-XN-001', hoursBefore(50), 'older'), result('SEN-XN-001', hoursBefore(10), 'newer')],
      [],
      now,
    );
    expect(warnings).toEqual([
      { code: 'SEN-XN-001', validityDays: 3, result: result('SEN-XN-001', hoursBefore(10), 'newer'), openOrder: null },
    ]);
  });

  it('ignores other tests, results outside the window, and tests valid 0 days', () => {
    expect(
      findRepeats(
        [
          { code: 'SEN-XN-024', validityDays: 1 },
          { code: 'SEN-XN-030', validityDays: 0 },
        ],
        [
          result('SEN-XN-024', hoursBefore(30)),
          result('SEN-XN-001', hoursBefore(1)),
          result('SEN-XN-030', hoursBefore(1)),
        ],
        [],
        now,
      ),
    ).toEqual([]);
  });

  it('warns of an open order of the same test even before any result', () => {
    const warnings = findRepeats(
      [{ code: 'SEN-XN-024', validityDays: 1 }],
      [],
      [order('SEN-XN-024', hoursBefore(2))],
      now,
    );
    expect(warnings).toEqual([
      { code: 'SEN-XN-024', validityDays: 1, result: null, openOrder: order('SEN-XN-024', hoursBefore(2)) },
    ]);
  });
});

describe('a repeat of a test done at another facility', () => {
  it('warns with the other facility’s result, where it was done, when it is the latest in the window', () => {
    const now = new Date('2026-12-03T10:00:00.000Z');
    const own = {
      observationId: 'own',
      code: 'SEN-XN-027',
      value: '90',
      unit: 'µmol/L',
      flag: 'normal' as const,
      recordedAt: '2026-11-28T09:00:00.000Z',
    };
    const elsewhere = {
      ...own,
      observationId: 'elsewhere',
      value: '95',
      recordedAt: '2026-12-01T09:00:00.000Z',
      facility: { code: '10010', name: 'Trung tâm Y tế khu vực Bát Xát' },
    };
    const [warning] = findRepeats([{ code: 'SEN-XN-027', validityDays: 7 }], [own, elsewhere], [], now);
    expect(warning?.result).toEqual(elsewhere);
    const outside = findRepeats([{ code: 'SEN-XN-027', validityDays: 1 }], [elsewhere], [], now);
    expect(outside).toEqual([]);
  });
});
