import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  it('give back the key they were made of, Vietnamese names and timestamps included', () => {
    const key = ['Tiếp đón 1', '2026-12-03 10:00:00.123456+00', '0190f5c2-0000-7000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
  });

  it('refuse garbage and keys of another length with 400', () => {
    expect(() => decodeCursor('not a cursor', 2)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(/cursor/);
  });
});
