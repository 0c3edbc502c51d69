import { describe, expect, it } from 'vitest';
import type { PushRow } from '../../shared/sync/protocol';
import { referencedRecords } from './push-references';

const row = (document: Record<string, unknown>): PushRow<Record<string, unknown>> =>
  ({ assumedMasterState: null, newDocumentState: { _deleted: false, ...document } }) as unknown as PushRow<
    Record<string, unknown>
  >;

describe('the records a push refers to', () => {
  it("names a lab result's patient, visit and order, once each across the rows", () => {
    const rows = [
      row({ id: 'r1', patientId: 'p1', encounterId: 'e1', orderId: 'o1' }),
      row({ id: 'r2', patientId: 'p1', encounterId: 'e1', orderId: 'o2' }),
    ];
    expect(referencedRecords('observations', rows)).toEqual([
      { collection: 'patients', id: 'p1' },
      { collection: 'encounters', id: 'e1' },
      { collection: 'orders', id: 'o1' },
      { collection: 'orders', id: 'o2' },
    ]);
  });

  it('leaves out what the server does not check: a deletion, and a reference the edit did not change', () => {
    const deleted = row({ id: 'r1', patientId: 'p1', orderId: 'o1', _deleted: true });
    const edited = {
      assumedMasterState: { _deleted: false, id: 'r2', patientId: 'p1', orderId: 'o2' },
      newDocumentState: { _deleted: false, id: 'r2', patientId: 'p1', orderId: 'o3' },
    } as unknown as PushRow<Record<string, unknown>>;
    expect(referencedRecords('observations', [deleted, edited])).toEqual([{ collection: 'orders', id: 'o3' }]);
  });

  it('leaves out empty optional references, and collections that refer to nothing', () => {
    expect(
      referencedRecords('observations', [row({ id: 'v1', patientId: 'p1', encounterId: '', orderId: '' })]),
    ).toEqual([{ collection: 'patients', id: 'p1' }]);
    expect(referencedRecords('patients', [row({ id: 'p1' })])).toEqual([]);
    expect(referencedRecords('audit', [row({ id: 'a1', patientId: 'p1' })])).toEqual([]);
  });
});
