import { describe, expect, it } from 'vitest';
import { facilityInPath } from './facility-in-path';

describe('facilityInPath', () => {
  it('reads a bare code and the filter form alike, and nothing else', () => {
    expect(facilityInPath(['10010'])).toBe('10010');
    expect(facilityInPath(['facility=10016'])).toBe('10016');
    expect(facilityInPath(['state=silent', 'facility=10016'])).toBe('10016');
    expect(facilityInPath(['facility=abc'])).toBe('');
    expect(facilityInPath([])).toBe('');
  });
});
