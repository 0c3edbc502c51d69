import { describe, expect, it } from 'vitest';
import { formatDisplayDate, parseDisplayDate, parseTypedDate, tidyTypedDate } from '../../shared/text/dates';

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

  it('reads eight typed digits as ddMMyyyy, the same for Tab and Enter', () => {
    expect(parseTypedDate('12031990')).toBe('1990-03-12');
    expect(parseTypedDate(' 12/3/1990 ')).toBe('1990-03-12');
    expect(parseTypedDate('31021990')).toBeNull();
    expect(parseTypedDate('1203199')).toBeNull();
    expect(tidyTypedDate('12031990')).toBe('12/03/1990');
    expect(tidyTypedDate('5/3/1987')).toBe('05/03/1987');
    expect(tidyTypedDate('31021990')).toBe('31021990');
  });
});
