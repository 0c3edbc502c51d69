import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refuseChangeOfSigned, refuseFieldsNotOwned, refuseOutOfScope } from '../../server/sync/scope-rules';
import type { SyncedCollection } from '../../shared/sync/collections';
import { HttpError } from '../../server/http/http-error';

type Note = { id: string; facilityCode: string; text: string; signedAt: string; readers: string };
const notes: SyncedCollection<Record<string, unknown>> = {
  direction: 'both',
  schema: z.record(z.string(), z.unknown()),
  feed: 'facility',
  scopes: (note) =>
    [note.facilityCode, note.readers].filter((scope): scope is string => typeof scope === 'string' && scope !== ''),
  ownedFields: (note, writer) => (writer === note.facilityCode ? 'all' : ['readers']),
  mergePolicy: { kind: 'immutable-once-signed', isSigned: (note) => note.signedAt !== '' },
  problems: () => [],
  bookkeepingFields: [],
  rederive: (note) => note,
  authorField: 'id',
  authorize: () => null,
  uniqueFields: [],
  references: [],
  readPermission: 'clinical.read',
};
const device = (facilityCode: string) => ({ deviceId: 'd', facilityCode, provinceCode: '15' });
const state = (note: Partial<Note> = {}) => ({
  id: 'n1',
  facilityCode: '10010',
  text: 'Khám lần đầu',
  signedAt: '',
  readers: '',
  ...note,
  _deleted: false,
});

function refusal(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code, details: error.details };
    throw error;
  }
  return null;
}

describe('scope rules of the registry', () => {
  it('lets only the home facility create, only addressed facilities write, and nobody readdress', () => {
    expect(refusal(() => refuseOutOfScope(notes, device('10010'), undefined, state()))).toBeNull();
    expect(refusal(() => refuseOutOfScope(notes, device('15001'), undefined, state()))).toMatchObject({
      status: 403,
      code: 'out-of-scope',
    });
    const shared = state({ readers: '15001' });
    expect(refusal(() => refuseOutOfScope(notes, device('15001'), shared, shared))).toBeNull();
    expect(refusal(() => refuseOutOfScope(notes, device('10020'), shared, shared))).toMatchObject({
      code: 'out-of-scope',
    });
    expect(refusal(() => refuseOutOfScope(notes, device('10010'), shared, state()))).toMatchObject({
      details: { reason: 'scope-changed' },
    });
  });

  it('refuses a change to a field the writing facility does not own, judged against what it edited', () => {
    const base = state({ readers: '15001' });
    expect(refusal(() => refuseFieldsNotOwned(notes, device('15001'), base, { ...base, text: 'x' }))).toMatchObject({
      code: 'forbidden',
      details: { reason: 'field-not-owned', field: 'text' },
    });
    expect(refusal(() => refuseFieldsNotOwned(notes, device('10010'), base, { ...base, text: 'x' }))).toBeNull();
  });

  it('refuses any change to a signed document, and accepts it sent again unchanged', () => {
    const signed = state({ signedAt: '2026-12-02T09:00:00Z' });
    expect(refusal(() => refuseChangeOfSigned(notes, signed, { ...signed, text: 'sửa' }))).toMatchObject({
      status: 403,
      details: { reason: 'document-signed' },
    });
    expect(refusal(() => refuseChangeOfSigned(notes, signed, signed))).toBeNull();
    expect(refusal(() => refuseChangeOfSigned(notes, state(), { ...state(), text: 'nháp' }))).toBeNull();
  });
});
