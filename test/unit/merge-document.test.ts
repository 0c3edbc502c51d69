import { describe, expect, it } from 'vitest';
import { mergeDocument } from '../../shared/sync/merge-document';

const base = { id: 'p1', phone: '0911111111', street: 'Thôn 1', givenName: 'Đào', _deleted: false };

describe('three-way document merge', () => {
  it('takes fields only the pusher changed and keeps fields only the master changed', () => {
    const master = { ...base, street: 'Thôn 2' };
    const pushed = { ...base, phone: '0922222222' };
    expect(mergeDocument(base, master, pushed)).toEqual({
      merged: { ...base, street: 'Thôn 2', phone: '0922222222' },
      conflicts: [],
    });
  });

  it('keeps the master value of a field both changed and returns the losing value', () => {
    const master = { ...base, phone: '0933333333' };
    const pushed = { ...base, phone: '0944444444' };
    expect(mergeDocument(base, master, pushed)).toEqual({
      merged: master,
      conflicts: [{ field: 'phone', masterValue: '0933333333', losingValue: '0944444444' }],
    });
  });

  it('is no conflict when both made the same change', () => {
    const changed = { ...base, phone: '0955555555' };
    expect(mergeDocument(base, changed, { ...changed })).toEqual({ merged: changed, conflicts: [] });
  });

  it('compares nested objects by value, not by key order', () => {
    const withAddress = { ...base, address: { provinceCode: '15', wardCode: '02647' } };
    const reordered = { ...base, address: { wardCode: '02647', provinceCode: '15' } };
    expect(mergeDocument(withAddress, withAddress, reordered).conflicts).toEqual([]);
  });

  it('applies a deletion when the master did not change meanwhile', () => {
    expect(mergeDocument(base, base, { ...base, _deleted: true })).toEqual({
      merged: { ...base, _deleted: true },
      conflicts: [],
    });
  });

  it('keeps the record alive when it is deleted on one side and edited on the other, recording the deletion', () => {
    const master = { ...base, phone: '0966666666' };
    const result = mergeDocument(base, master, { ...base, _deleted: true });
    expect(result.merged).toEqual(master);
    expect(result.conflicts).toEqual([{ field: '_deleted', masterValue: false, losingValue: true }]);
  });

  it('keeps a deletion the master already has, with the edit made meanwhile inside it, and records the clash', () => {
    const master = { ...base, _deleted: true };
    const result = mergeDocument(base, master, { ...base, phone: '0977777777' });
    // Restoring the record (resolving the conflict) brings the edit back with it.
    expect(result.merged).toEqual({ ...base, phone: '0977777777', _deleted: true });
    expect(result.conflicts).toEqual([{ field: '_deleted', masterValue: true, losingValue: false }]);
  });

  it('merges bookkeeping fields without reporting them', () => {
    const master = { ...base, street: 'Thôn 2', updatedAt: '2026-11-20T01:00:00Z' };
    const pushed = { ...base, phone: '0922222222', updatedAt: '2026-11-20T02:00:00Z' };
    const result = mergeDocument({ ...base, updatedAt: '2026-11-19T00:00:00Z' }, master, pushed, ['updatedAt']);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toMatchObject({ street: 'Thôn 2', phone: '0922222222', updatedAt: '2026-11-20T01:00:00Z' });
  });

  it('treats every differing field as a conflict when the pusher never saw the master', () => {
    const pushed = { ...base, phone: '0988888888', street: 'Bản Mường' };
    expect(mergeDocument(undefined, base, pushed).conflicts.map((conflict) => conflict.field)).toEqual([
      'phone',
      'street',
    ]);
  });
});
