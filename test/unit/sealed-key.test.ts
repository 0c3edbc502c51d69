import { describe, expect, it } from 'vitest';
import { signDocument, verifyDocumentSignature } from '../../shared/signing/document-signature';
import { generateSigningKey, importPublicKey, keyIdOf } from '../../shared/signing/signing-keys';
import { resealPrivateKey, sealPrivateKey, unsealPrivateKey } from '../../shared/staff/sealed-key';
import { newStaffKey } from '../../shared/staff/staff-keys';
import { staffDocumentSchema } from '../../shared/staff/staff-document';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import { fromBase64 } from '../../shared/encoding/base64';

// The real iteration count: these tests also pin what a login costs (each unsealing is one PBKDF2).
describe('a private key sealed with the password', () => {
  it('unseals with the password into a key that signs for the public key, and cannot be read out', async () => {
    const key = await generateSigningKey();
    const sealed = await sealPrivateKey(key.keyId, key.privateKey, 'mat-khau-2026');
    expect(sealed).toMatchObject({ keyId: key.keyId, kdf: { algorithm: 'pbkdf2-sha256', iterations: 600_000 } });
    const unsealed = await unsealPrivateKey(sealed, 'mat-khau-2026');
    if (!unsealed) throw new Error('not unsealed');
    expect(unsealed.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', unsealed)).rejects.toThrow();
    const signature = await signDocument(
      'patients',
      { id: 'x' },
      { signer: 's', keyId: key.keyId, privateKey: unsealed },
    );
    expect(
      await verifyDocumentSignature('patients', { id: 'x' }, signature, await importPublicKey(key.publicKey)),
    ).toBe(true);
  });

  it('refuses a wrong password, a sealed key relabelled as another, or an altered ciphertext', async () => {
    const key = await generateSigningKey();
    const sealed = await sealPrivateKey(key.keyId, key.privateKey, 'mat-khau-2026');
    expect(await unsealPrivateKey(sealed, 'mat-khau-2025')).toBeNull();
    expect(await unsealPrivateKey(sealed, 'MAT-KHAU-2026')).toBeNull();
    expect(await unsealPrivateKey({ ...sealed, keyId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'mat-khau-2026')).toBeNull();
    const bytes = fromBase64(sealed.ciphertext);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    expect(
      await unsealPrivateKey({ ...sealed, ciphertext: btoa(String.fromCharCode(...bytes)) }, 'mat-khau-2026'),
    ).toBeNull();
  });

  it('is sealed again under a new password as the same key, only with the current password', async () => {
    const key = await generateSigningKey();
    const sealed = await sealPrivateKey(key.keyId, key.privateKey, 'cu-2026-mat-khau');
    expect(await resealPrivateKey(sealed, 'sai-mat-khau', 'moi-2026-mat-khau')).toBeNull();
    const resealed = await resealPrivateKey(sealed, 'cu-2026-mat-khau', 'moi-2026-mat-khau');
    if (!resealed) throw new Error('not resealed');
    expect(resealed.keyId).toBe(key.keyId);
    expect(resealed.kdf.salt).not.toBe(sealed.kdf.salt);
    expect(await unsealPrivateKey(resealed, 'cu-2026-mat-khau')).toBeNull();
    const unsealed = await unsealPrivateKey(resealed, 'moi-2026-mat-khau');
    if (!unsealed) throw new Error('not unsealed');
    const signature = await signDocument('staff', { id: 'x' }, { signer: 's', keyId: key.keyId, privateKey: unsealed });
    expect(await verifyDocumentSignature('staff', { id: 'x' }, signature, await importPublicKey(key.publicKey))).toBe(
      true,
    );
  });

  it('names each key by the hash of its public half, and the demo accounts’ keys are what they claim', async () => {
    const { key, sealedKey } = await newStaffKey('mat-khau-2026', '2026-12-01T00:00:00.000Z');
    expect(key.keyId).toBe(await keyIdOf(fromBase64(key.publicKey)));
    expect(sealedKey.keyId).toBe(key.keyId);
    const demo = DEMO_STAFF.registrar;
    expect(demo.keys[0].keyId).toBe(await keyIdOf(fromBase64(demo.keys[0].publicKey)));
    const unsealed = await unsealPrivateKey(demo.sealedKey, DEMO_PASSWORD);
    if (!unsealed) throw new Error('the demo key does not open with the demo password');
    const signature = await signDocument('x', {}, { signer: demo.id, keyId: demo.keys[0].keyId, privateKey: unsealed });
    expect(await verifyDocumentSignature('x', {}, signature, await importPublicKey(demo.keys[0].publicKey))).toBe(true);
  });

  it('must be the newest key the account lists', () => {
    const account = {
      ...DEMO_STAFF.nurse,
      roles: ['nurse'],
      keys: [...DEMO_STAFF.nurse.keys],
      facilityCode: '10010',
      active: true,
      passwordChangedAt: 'x',
      updatedAt: 'x',
      updatedBy: 'province',
    };
    expect(staffDocumentSchema.safeParse(account).success).toBe(true);
    const older = { ...account, keys: [...account.keys, { ...account.keys[0], keyId: 'BBBBBBBBBBBBBBBBBBBBBB' }] };
    expect(staffDocumentSchema.safeParse(older).success).toBe(false);
    expect(staffDocumentSchema.safeParse({ ...account, keys: [] }).success).toBe(false);
  });
});
