import { describe, expect, it } from 'vitest';
import { vietnamDay, xml130Date, xml130Time } from './xml130-time';

describe('Decision 130 times', () => {
  it('writes an instant as yyyyMMddHHmm in Vietnam time (UTC+7)', () => {
    expect(xml130Time('2026-12-03T01:05:00.000Z')).toBe('202612030805');
  });

  it('moves to the next day when UTC is still on the previous one', () => {
    expect(xml130Time('2026-12-31T18:30:00Z')).toBe('202701010130');
    expect(vietnamDay('2026-12-31T18:30:00Z')).toBe('2027-01-01');
  });

  it('reads an instant written with an offset', () => {
    expect(xml130Time('2026-12-03T08:05:00+07:00')).toBe('202612030805');
  });

  it('leaves an empty or unreadable time empty rather than inventing one', () => {
    expect(xml130Time('')).toBe('');
    expect(xml130Time('not a time')).toBe('');
  });

  it('writes a calendar date as yyyyMMdd with its leading zeros', () => {
    expect(xml130Date('2026-01-05')).toBe('20260105');
    expect(xml130Date('')).toBe('');
  });
});
