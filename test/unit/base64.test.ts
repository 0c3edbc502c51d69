import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../renderer/db/base64';

describe('base64 of sealed values', () => {
  it('writes the standard padded alphabet, as values sealed before were written, and reads it back', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const base64 = bytesToBase64(bytes);
      expect(base64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(base64)).toEqual(bytes);
    }
  });

  it('encodes only the bytes of a view, not the whole buffer beneath it', () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(bytesToBase64(buffer.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'));
    expect(bytesToBase64(buffer.buffer)).toBe(Buffer.from(buffer).toString('base64'));
  });
});
