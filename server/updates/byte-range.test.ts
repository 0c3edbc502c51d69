import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('byte ranges of an installer', () => {
  const size = 1000;

  it('reads the three single-range forms, the end cut to the file', () => {
    expect(parseByteRange('bytes=0-99', size)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', size)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', size)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', size)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(parseByteRange('bytes=990-5000', size)).toEqual({ kind: 'part', start: 990, end: 999 });
    expect(parseByteRange('bytes=999-999', size)).toEqual({ kind: 'part', start: 999, end: 999 });
  });

  it('sends the whole file without a range, for another unit, or for several ranges', () => {
    expect(parseByteRange(undefined, size)).toEqual({ kind: 'whole' });
    expect(parseByteRange('items=0-1', size)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=0-1,5-9', size)).toEqual({ kind: 'whole' });
  });

  it('refuses ranges past the end, backwards, empty or malformed', () => {
    for (const header of [
      'bytes=1000-',
      'bytes=5000-6000',
      'bytes=50-10',
      'bytes=-0',
      'bytes=-',
      'bytes=a-b',
      'bytes=',
    ]) {
      expect({ header, range: parseByteRange(header, size) }).toEqual({ header, range: { kind: 'unsatisfiable' } });
    }
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
