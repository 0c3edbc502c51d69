import { describe, expect, it } from 'vitest';
import { DocumentCipher, SealedValueError } from '../../renderer/db/document-cipher';

const newKey = (): Promise<CryptoKey> =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

const PATIENT_NAME = { familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Đào', address: { street: 'Số 5' } };
const CONTEXT = '["patients","019a0000-0000-7000-8000-000000000001"]';

/** Flips one bit of the ciphertext, keeping it valid base64. */
function tamper(sealed: string): string {
  const [format, iv, ciphertext] = sealed.split('.') as [string, string, string];
  const bytes = Buffer.from(ciphertext, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return [format, iv, bytes.toString('base64')].join('.');
}

describe('the AES-GCM cipher that seals stored documents', () => {
  it('opens what it sealed, Vietnamese text and nested objects included', async () => {
    const cipher = new DocumentCipher(await newKey());
    const sealed = await cipher.seal(PATIENT_NAME, CONTEXT);
    expect(sealed).not.toContain('Nguy');
    expect(await cipher.open(sealed, CONTEXT)).toEqual(PATIENT_NAME);
  });

  it('draws a fresh 96-bit IV for every seal, so equal values never look equal', async () => {
    const cipher = new DocumentCipher(await newKey());
    const sealed = await Promise.all(Array.from({ length: 200 }, () => cipher.seal(PATIENT_NAME, CONTEXT)));
    const ivs = sealed.map((value) => value.split('.')[1] ?? '');
    expect(new Set(sealed).size).toBe(200);
    expect(new Set(ivs).size).toBe(200);
    expect(Buffer.from(ivs[0] ?? '', 'base64')).toHaveLength(12);
  });

  it('refuses a value changed on disk', async () => {
    const cipher = new DocumentCipher(await newKey());
    const sealed = await cipher.seal(PATIENT_NAME, CONTEXT);
    await expect(cipher.open(tamper(sealed), CONTEXT)).rejects.toThrow(SealedValueError);
  });

  it("refuses a value moved onto another document's record", async () => {
    const cipher = new DocumentCipher(await newKey());
    const sealed = await cipher.seal(PATIENT_NAME, CONTEXT);
    await expect(cipher.open(sealed, '["patients","019a0000-0000-7000-8000-000000000002"]')).rejects.toThrow(
      /wrong key, or the data was altered/,
    );
  });

  it('refuses a value sealed under another key', async () => {
    const sealed = await new DocumentCipher(await newKey()).seal(PATIENT_NAME, CONTEXT);
    await expect(new DocumentCipher(await newKey()).open(sealed, CONTEXT)).rejects.toThrow(SealedValueError);
  });

  it('refuses what is not a sealed value at all', async () => {
    const cipher = new DocumentCipher(await newKey());
    await expect(cipher.open('{"familyName":"Nguyễn"}', CONTEXT)).rejects.toThrow(/Not a sealed value/);
  });
});
