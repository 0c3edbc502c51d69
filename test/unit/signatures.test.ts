import { describe, expect, it } from 'vitest';
import { signDocument, verifyDocumentSignature } from '../../shared/signing/document-signature';
import { signedContent } from '../../shared/signing/signed-content';
import { generateSigningKey, importPublicKey, type DocumentSigner } from '../../shared/signing/signing-keys';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('the signed form of a document (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth, whatever order they came in', () => {
    const a = signedContent('patients', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 2 }, _deleted: false });
    const b = signedContent('patients', { a: { c: 2, d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(text(a)).toBe(text(b));
    expect(text(a)).toBe(
      '{"collection":"patients","document":{"_deleted":false,"a":{"c":2,"d":[3,{"y":2,"z":1}]},"b":1}}',
    );
    // Code-unit order, not locale order: upper case before lower, an astral character by its surrogates.
    expect(text(signedContent('x', { b: 1, B: 2, é: 3, '😀': 4, '\uffff': 5 }))).toBe(
      '{"collection":"x","document":{"B":2,"_deleted":false,"b":1,"é":3,"😀":4,"\uffff":5}}',
    );
  });

  it('keeps Vietnamese text as UTF-8, escaping only what JSON must', () => {
    const bytes = signedContent('patients', { givenName: 'Đào', street: 'Thôn "3"\n', tab: '\t' });
    expect(text(bytes)).toContain('"givenName":"Đào"');
    expect(text(bytes)).toContain('"street":"Thôn \\"3\\"\\n"');
    expect(text(bytes)).toContain('"tab":"\\t"');
    // NFC and NFD spellings are different text: the signature covers what was stored.
    expect(text(signedContent('p', { n: 'Đào' }))).not.toBe(text(signedContent('p', { n: 'Đào'.normalize('NFD') })));
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    expect(text(signedContent('x', { n: [1.0, 1e21, 1e-7, 0.1 + 0.2, -0, 600000] }))).toContain(
      '"n":[1,1e+21,1e-7,0.30000000000000004,0,600000]',
    );
  });

  it('leaves out the sync envelope and RxDB’s local fields, and always states _deleted', () => {
    const plain = text(signedContent('patients', { id: 'x' }));
    const dressed = text(
      signedContent('patients', {
        id: 'x',
        syncMeta: { lineage: [], signature: null },
        _meta: { lwt: 1 },
        _rev: '1-a',
        _attachments: {},
      }),
    );
    expect(dressed).toBe(plain);
    expect(plain).toContain('"_deleted":false');
    expect(text(signedContent('patients', { id: 'x', _deleted: true }))).toContain('"_deleted":true');
  });
});

describe('document signatures (ECDSA P-256)', () => {
  const newSigner = async (staffId: string): Promise<{ signer: DocumentSigner; publicKey: CryptoKey }> => {
    const key = await generateSigningKey();
    return {
      signer: { signer: staffId, keyId: key.keyId, privateKey: key.privateKey },
      publicKey: await importPublicKey(key.publicKey),
    };
  };
  const patient = { id: 'p-1', givenName: 'Đào', phone: '0912345678', updatedBy: 'staff-1', _deleted: false };

  it('verifies what was signed, with the signer and key named, as 64 bytes r‖s', async () => {
    const { signer, publicKey } = await newSigner('staff-1');
    const signature = await signDocument('patients', patient, signer);
    expect(signature).toMatchObject({ signer: 'staff-1', keyId: signer.keyId });
    expect(atob(signature.value)).toHaveLength(64);
    expect(await verifyDocumentSignature('patients', patient, signature, publicKey)).toBe(true);
    // Key order and the envelope do not matter; the content does.
    const reordered = { _deleted: false, updatedBy: 'staff-1', phone: '0912345678', givenName: 'Đào', id: 'p-1' };
    expect(await verifyDocumentSignature('patients', { ...reordered, syncMeta: {} }, signature, publicKey)).toBe(true);
  });

  it('fails for a changed field, a deletion, another collection or another key', async () => {
    const { signer, publicKey } = await newSigner('staff-1');
    const other = await newSigner('staff-1');
    const signature = await signDocument('patients', patient, signer);
    const verify = (state: object, collection = 'patients', key = publicKey) =>
      verifyDocumentSignature(collection, state, signature, key);
    expect(await verify({ ...patient, phone: '0912345679' })).toBe(false);
    expect(await verify({ ...patient, updatedBy: 'staff-2' })).toBe(false);
    expect(await verify({ ...patient, extra: '' })).toBe(false);
    expect(await verify({ ...patient, _deleted: true })).toBe(false);
    expect(await verify(patient, 'staff')).toBe(false);
    expect(await verify(patient, 'patients', other.publicKey)).toBe(false);
  });

  it('fails for a tampered or malformed signature value instead of throwing', async () => {
    const { signer, publicKey } = await newSigner('staff-1');
    const signature = await signDocument('patients', patient, signer);
    const flipped = atob(signature.value)
      .split('')
      .map((character, n) => (n === 10 ? String.fromCharCode(character.charCodeAt(0) ^ 1) : character))
      .join('');
    for (const value of [btoa(flipped), 'AAAA', '', '!!not base64!!']) {
      expect(await verifyDocumentSignature('patients', patient, { ...signature, value }, publicKey)).toBe(false);
    }
  });
});
