import { describe, expect, it } from 'vitest';
import { changedSinceMerge, valueDifferences, valueText } from './value-diff';

describe('a conflict’s values side by side', () => {
  it('writes plain values as text and nothing as null', () => {
    expect(valueText('0912345678')).toBe('0912345678');
    expect(valueText(37.5)).toBe('37.5');
    expect(valueText(false)).toBe('false');
    expect(valueText(['J06.9', 'R50.9'])).toBe('J06.9, R50.9');
    expect(valueText(null)).toBeNull();
    expect(valueText(undefined)).toBeNull();
    expect(valueText('')).toBeNull();
    expect(valueText([])).toBeNull();
    expect(valueText({ street: 'Thôn Nà Lốc', wardCode: '02647', note: '' })).toBe(
      'street: Thôn Nà Lốc; wardCode: 02647',
    );
    expect(valueText({ note: null })).toBeNull();
    expect(valueText([{ code: 'A' }])).toBe('[{"code":"A"}]');
  });

  it('gives the field itself when either side is not an object', () => {
    expect(valueDifferences('0933333333', '0944444444')).toEqual([
      { path: '', master: '0933333333', losing: '0944444444' },
    ]);
    expect(valueDifferences('Thôn Bản Xèo', null)).toEqual([{ path: '', master: 'Thôn Bản Xèo', losing: null }]);
    expect(valueDifferences({ a: 1 }, 'x')).toEqual([{ path: '', master: { a: 1 }, losing: 'x' }]);
  });

  it('gives each differing part of an object, nested parts by their path, new keys last', () => {
    const master = { systolic: 120, diastolic: 80, pulse: { rate: 72, regular: true } };
    const losing = { systolic: 135, diastolic: 80, pulse: { rate: 72, regular: false }, spo2: 97 };
    expect(valueDifferences(master, losing)).toEqual([
      { path: 'systolic', master: 120, losing: 135 },
      { path: 'pulse.regular', master: true, losing: false },
      { path: 'spo2', master: undefined, losing: 97 },
    ]);
  });

  it('finds no difference where the two read the same (absent, null and empty alike)', () => {
    expect(valueDifferences({ note: '' }, { note: null })).toEqual([]);
    expect(valueDifferences(['a', 'b'], ['a', 'b'])).toEqual([]);
    expect(valueDifferences(['a', 'b'], ['b', 'a'])).toEqual([{ path: '', master: ['a', 'b'], losing: ['b', 'a'] }]);
  });

  it('says when the document has moved on since the merge', () => {
    expect(changedSinceMerge('0933333333', '0933333333')).toBe(false);
    expect(changedSinceMerge('0933333333', '0955555555')).toBe(true);
    expect(changedSinceMerge({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });
});
