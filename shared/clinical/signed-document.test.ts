import { describe, expect, it } from 'vitest';
import { generateSigningKey, importPublicKey, type DocumentSigner } from '../signing/signing-keys';
import {
  amendmentProblems,
  changesSignedContent,
  checkClinicalSignature,
  isSignedDocument,
  signClinically,
  signedDocumentPolicy,
  openFieldsOf,
} from './signed-document';

const OPEN = openFieldsOf(signedDocumentPolicy(['status', 'handledBy', 'completedAt']));
const prescription = {
  id: 'o1',
  patientId: 'p1',
  drugs: [{ code: 'D1', quantity: 10 }],
  status: 'ordered',
  handledBy: '',
  completedAt: '',
  updatedAt: '2026-12-03T08:00:00.000Z',
  updatedBy: 'bs1',
};

async function doctorKey(): Promise<{ signer: DocumentSigner; publicKey: CryptoKey }> {
  const key = await generateSigningKey();
  return {
    signer: { signer: 'bs1', keyId: key.keyId, privateKey: key.privateKey },
    publicKey: await importPublicKey(key.publicKey),
  };
}

describe('what counts as a change to a signed document', () => {
  const signed = { ...prescription, signedBy: 'bs1', signedAt: '2026-12-03T08:01:00.000Z' };

  it('is any change of the content, the signer or the time, or a deletion', () => {
    expect(changesSignedContent(signed, { ...signed, drugs: [{ code: 'D1', quantity: 20 }] }, OPEN)).toBe(true);
    expect(changesSignedContent(signed, { ...signed, signedAt: '2026-12-03T09:00:00.000Z' }, OPEN)).toBe(true);
    expect(changesSignedContent(signed, { ...signed, signedBy: '' }, OPEN)).toBe(true);
    expect(changesSignedContent(signed, { ...signed, _deleted: true }, OPEN)).toBe(true);
    // A field added beside the signed ones is a change too.
    expect(changesSignedContent(signed, { ...signed, note: 'x' }, OPEN)).toBe(true);
  });

  it('is not handling the order nor bookkeeping, and not key order', () => {
    const dispensed = {
      ...signed,
      status: 'completed',
      handledBy: 'ds1',
      completedAt: '2026-12-03T10:00:00.000Z',
      updatedAt: '2026-12-03T10:00:00.000Z',
      updatedBy: 'ds1',
    };
    expect(changesSignedContent(signed, dispensed, OPEN)).toBe(false);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(changesSignedContent(signed, reordered, OPEN)).toBe(false);
  });

  it('is anything at all when the collection leaves no field open but bookkeeping', () => {
    const encounterOpen = openFieldsOf(signedDocumentPolicy());
    expect(changesSignedContent(signed, { ...signed, status: 'completed' }, encounterOpen)).toBe(true);
    expect(changesSignedContent(signed, { ...signed, updatedBy: 'dd1' }, encounterOpen)).toBe(false);
  });
});

describe('a clinical signature', () => {
  it('names the signer and time and verifies against their key, with the open fields changed', async () => {
    const { signer, publicKey } = await doctorKey();
    const signed = await signClinically('orders', prescription, OPEN, signer, '2026-12-03T08:01:00.000Z');
    expect(signed).toMatchObject({ signedBy: 'bs1', signedAt: '2026-12-03T08:01:00.000Z' });
    expect(isSignedDocument(signed)).toBe(true);
    const lookup = () => Promise.resolve(publicKey);
    expect(await checkClinicalSignature('orders', signed, OPEN, lookup)).toBe('valid');
    const dispensed = { ...signed, status: 'completed', updatedBy: 'ds1' };
    expect(await checkClinicalSignature('orders', dispensed, OPEN, lookup)).toBe('valid');
  });

  it('does not verify once content, signer or time change, nor for another collection', async () => {
    const { signer, publicKey } = await doctorKey();
    const signed = await signClinically('orders', prescription, OPEN, signer, '2026-12-03T08:01:00.000Z');
    const lookup = () => Promise.resolve(publicKey);
    const tampered = { ...signed, drugs: [{ code: 'D1', quantity: 99 }] };
    expect(await checkClinicalSignature('orders', tampered, OPEN, lookup)).toBe('invalid');
    const backdated = { ...signed, signedAt: '2026-12-01T08:00:00.000Z' };
    expect(await checkClinicalSignature('orders', backdated, OPEN, lookup)).toBe('invalid');
    expect(await checkClinicalSignature('encounters', signed, OPEN, lookup)).toBe('invalid');
    expect(await checkClinicalSignature('orders', { ...signed, clinicalSignature: null }, OPEN, lookup)).toBe(
      'invalid',
    );
  });

  it('is unknown without the key and unsigned for a draft', async () => {
    const { signer } = await doctorKey();
    const signed = await signClinically('orders', prescription, OPEN, signer, '2026-12-03T08:01:00.000Z');
    expect(await checkClinicalSignature('orders', signed, OPEN, () => Promise.resolve(undefined))).toBe('key-unknown');
    expect(await checkClinicalSignature('orders', prescription, OPEN, () => Promise.resolve(undefined))).toBe(
      'unsigned',
    );
  });
});

describe('an amendment', () => {
  it('needs a signed version to replace and a reason', () => {
    const signed = { id: 'e1', signedBy: 'bs1', signedAt: '2026-12-03T08:01:00.000Z' };
    expect(amendmentProblems(signed, 'Sai chẩn đoán')).toEqual([]);
    expect(amendmentProblems(signed, '  ')).toEqual([{ field: 'amendmentReason', code: 'amendment-reason-required' }]);
    expect(amendmentProblems({ id: 'e1' }, 'Sai chẩn đoán')).toEqual([{ field: 'supersedes', code: 'amend-unsigned' }]);
  });
});
