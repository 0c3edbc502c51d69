import { describe, expect, it } from 'vitest';
import { filtersOf, fleetHash, nextSort } from './fleet-route';

describe('fleet filters in the hash', () => {
  it('reads the filters back that it wrote', () => {
    const filters = { facility: '10010', state: 'silent', sort: '-lastPush' } as const;
    const hash = fleetHash(filters);
    expect(hash).toBe('#/devices/facility=10010/state=silent/sort=-lastPush');
    expect(filtersOf(hash.split('/').slice(2))).toEqual(filters);
  });

  it('ignores what is not a filter it knows, falling back to the facility order', () => {
    expect(filtersOf(['facility=abc', 'state=asleep', 'sort=-password', 'junk'])).toEqual({
      facility: null,
      state: null,
      sort: 'facility',
    });
    expect(fleetHash({ sort: 'facility' })).toBe('#/devices');
  });

  it('turns a second click on the same column into the other direction', () => {
    expect(nextSort('facility', 'lastPush')).toBe('lastPush');
    expect(nextSort('lastPush', 'lastPush')).toBe('-lastPush');
    expect(nextSort('-lastPush', 'lastPush')).toBe('lastPush');
  });
});
