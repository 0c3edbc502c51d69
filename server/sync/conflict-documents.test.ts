import { describe, expect, it } from 'vitest';
import { changedFields } from './conflict-documents';

describe('the fields a write changes', () => {
  const before = { phone: '0912345678', bhyt: '', updatedAt: 'a', updatedBy: 'x', _deleted: false };

  it('leaves out bookkeeping and what stayed the same', () => {
    const after = { ...before, phone: '0933333333', updatedAt: 'b', updatedBy: 'y' };
    expect(changedFields(['updatedAt', 'updatedBy'], before, after)).toEqual(['phone']);
  });

  it('counts a deletion, a field added or removed, and nothing for a new document', () => {
    const { bhyt: _gone, ...after } = { ...before, _deleted: true, cccd: '001190012345' };
    expect(changedFields([], before, after).sort()).toEqual(['_deleted', 'bhyt', 'cccd']);
    expect(changedFields([], undefined, after)).toEqual([]);
  });
});
