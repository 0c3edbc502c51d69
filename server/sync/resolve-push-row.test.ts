import { describe, expect, it } from 'vitest';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { lineageAfter } from '../../shared/sync/revision';
import { resolvePushRow } from './resolve-push-row';

const patients = SYNCED_COLLECTIONS.patients as unknown as Parameters<typeof resolvePushRow>[0];

const first = { id: 'p1', fullName: 'Nguyễn Văn An', phone: '0901', _deleted: false };
const second = { ...first, phone: '0902' };

describe('a pushed version the master was made on', () => {
  it('is answered with the master, nothing written and no value recorded as lost', async () => {
    const masterLineage = await lineageAfter(first, []);
    const outcome = await resolvePushRow(
      patients,
      { state: second, lineage: masterLineage },
      { newDocumentState: first, meta: { lineage: [], signature: null } },
    );
    expect(outcome).toEqual({ kind: 'merge', state: second, lineage: masterLineage, conflicts: [] });
  });

  it('still fast-forwards a version made on the master', async () => {
    const third = { ...second, phone: '0903' };
    const outcome = await resolvePushRow(
      patients,
      { state: second, lineage: await lineageAfter(first, []) },
      { newDocumentState: third, meta: { lineage: await lineageAfter(second, []), signature: null } },
    );
    expect(outcome).toEqual({ kind: 'write', state: third });
  });
});
