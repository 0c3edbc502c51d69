import { describe, expect, it } from 'vitest';
import { compareVersions, orderVersions } from './fleet-summary';

describe('compareVersions', () => {
  it('compares numerically, part by part, an unknown version lowest', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions(null, '0.0.1')).toBeLessThan(0);
  });
});

describe('orderVersions', () => {
  it('puts the most common version first, then the newer one, an unknown version last', () => {
    expect(
      orderVersions([
        { version: null, count: 2 },
        { version: '0.9.1', count: 2 },
        { version: '0.10.0', count: 2 },
        { version: '0.8.0', count: 5 },
      ]),
    ).toEqual([
      { version: '0.8.0', count: 5 },
      { version: '0.10.0', count: 2 },
      { version: '0.9.1', count: 2 },
      { version: null, count: 2 },
    ]);
  });
});
