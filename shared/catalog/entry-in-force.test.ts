import { describe, expect, it } from 'vitest';
import { entriesInForce, versionInForce } from './entry-in-force';

const version = (effectiveFrom: string, effectiveTo = '', withdrawn = false) => ({
  kind: 'icd10',
  code: 'U07.1',
  effectiveFrom,
  effectiveTo,
  withdrawn,
});

describe('the version in force', () => {
  const first = version('2020-01-01');
  const second = version('2026-01-01');

  it('is the latest version started by the date', () => {
    expect(versionInForce([second, first], '2025-12-31')).toBe(first);
    expect(versionInForce([first, second], '2026-01-01')).toBe(second);
    expect(versionInForce([first, second], '2030-06-01')).toBe(second);
  });

  it('is none before the first version, and none once a version withdraws the code', () => {
    expect(versionInForce([first, second], '2019-12-31')).toBeNull();
    const withdrawn = version('2027-01-01', '', true);
    expect(versionInForce([first, second, withdrawn], '2027-03-01')).toBeNull();
    expect(versionInForce([first, second, withdrawn], '2026-12-31')).toBe(second);
  });

  it('ends a version on its end date', () => {
    const closed = version('2020-01-01', '2024-01-01');
    expect(versionInForce([closed], '2023-12-31')).toBe(closed);
    expect(versionInForce([closed], '2024-01-01')).toBeNull();
  });

  it('picks one version per code across a catalog', () => {
    const other = { ...version('2020-01-01'), code: 'J18.9' };
    expect(entriesInForce([first, second, other], '2026-02-01')).toEqual([second, other]);
  });
});
