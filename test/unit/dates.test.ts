import { describe, expect, it } from 'vitest';
import { formatDisplayDate, parseDisplayDate } from '../../shared/text/dates';

describe('dd/MM/yyyy dates', () => {
  it('parses real dates, with or without leading zeros', () => {
    expect(parseDisplayDate('05/03/1987')).toBe('1987-03-05');
    expect(parseDisplayDate('5/3/1987')).toBe('1987-03-05');
    expect(parseDisplayDate('29/02/2024')).toBe('2024-02-29');
  });

  it.each(['29/02/2023', '32/01/2000', '00/01/2000', '12/13/2000', '1987-03-05', '05-03-1987', '', '05/03/87'])(
    'refuses %j',
    (text) => {
      expect(parseDisplayDate(text)).toBeNull();
    },
  );

  it('formats stored dates for display', () => {
    expect(formatDisplayDate('1987-03-05')).toBe('05/03/1987');
  });
});
