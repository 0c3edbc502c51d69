import { describe, expect, it } from 'vitest';
import { documentStateKey, sameDocumentState } from '../../shared/sync/document-state';

describe('document state comparison', () => {
  it('ignores key order at every depth', () => {
    expect(sameDocumentState({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it("ignores RxDB's local bookkeeping fields", () => {
    expect(sameDocumentState({ id: 'x', _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} }, { id: 'x' })).toBe(true);
  });

  it('treats a missing _deleted as false and a tombstone as different', () => {
    expect(sameDocumentState({ id: 'x' }, { id: 'x', _deleted: false })).toBe(true);
    expect(sameDocumentState({ id: 'x' }, { id: 'x', _deleted: true })).toBe(false);
  });

  it('ignores the sync envelope beside the body, and only there', () => {
    const envelope = { lineage: ['AAAAAAAAAAAAAAAAAAAAAA'], signature: null };
    expect(sameDocumentState({ id: 'x', syncMeta: envelope }, { id: 'x' })).toBe(true);
    expect(sameDocumentState({ id: 'x', note: { syncMeta: 1 } }, { id: 'x', note: {} })).toBe(false);
  });

  it('sees any change of value', () => {
    expect(sameDocumentState({ phone: '0912345678' }, { phone: '0912345679' })).toBe(false);
    expect(documentStateKey({ list: [1, 2] })).not.toBe(documentStateKey({ list: [2, 1] }));
  });
});
