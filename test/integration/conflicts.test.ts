import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictRecord } from '../../server/sync/conflict-records';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { syncPath } from '../../shared/sync/protocol';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { ensureEnrollmentCode, ensureFacility } from '../../server/facilities/facilities';
import { validRegistrationForm } from '../helpers/patient-forms';
import { IsolatedClient } from '../helpers/isolated-client';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

type Edit =
  { label: string; field: 'phone' | 'bhyt'; value: string } | { label: string; field: '_deleted'; value: true };

const phoneA: Edit = { label: 'phone → A', field: 'phone', value: '0933333333' };
const phoneB: Edit = { label: 'phone → B', field: 'phone', value: '0944444444' };
const bhytB: Edit = { label: 'card → B', field: 'bhyt', value: '7912345678' };
const remove: Edit = { label: 'delete', field: '_deleted', value: true };

const COMBINATIONS: [Edit, Edit][] = [
  [phoneA, phoneB],
  [phoneA, bhytB],
  [remove, phoneB],
  [phoneA, remove],
  [remove, remove],
  [phoneA, phoneA],
];
const CASES = COMBINATIONS.flatMap(([a, b]) => [
  { a, b, firstBack: 'A' as const },
  { a, b, firstBack: 'B' as const },
]);

/**
 * What the server holds after two concurrent edits, by `shared/sync/merge-document.ts`: the
 * first edit to reach the server applies cleanly; the second applies where it touches another
 * field, and where it collides (same field, another value; or a deletion against a change) the
 * server keeps the first and records the second's value as the losing one.
 */
function expectedOutcome(
  first: Edit,
  second: Edit,
): { master: Record<string, unknown>; conflicts: { field: string; losingValue: unknown }[] } {
  const apply = (edit: Edit): Record<string, unknown> => ({ [edit.field]: edit.value });
  if (first.field === second.field && first.value === second.value) return { master: apply(first), conflicts: [] };
  if (first.field === '_deleted')
    return { master: apply(first), conflicts: [{ field: '_deleted', losingValue: false }] };
  if (second.field === '_deleted') {
    return { master: { ...apply(first), _deleted: false }, conflicts: [{ field: '_deleted', losingValue: true }] };
  }
  if (first.field !== second.field) return { master: { ...apply(first), ...apply(second) }, conflicts: [] };
  return { master: apply(first), conflicts: [{ field: second.field, losingValue: second.value }] };
}

describe('the same patient edited on two offline clients', () => {
  let server: TestServer;
  let clientA: IsolatedClient;
  let clientB: IsolatedClient;

  beforeEach(async () => {
    server = await TestServer.start();
    clientA = await IsolatedClient.open(server.url, await server.enroll('reception'));
    clientB = await IsolatedClient.open(server.url, await server.enroll('exam-room'));
  });
  afterEach(async () => {
    await clientA.close();
    await clientB.close();
    await server.close();
  });

  async function serverState(id: string): Promise<(PatientDocument & { _deleted: boolean }) | undefined> {
    const [row] = await server.database.query<{ body: PatientDocument; deleted: boolean }>(
      `SELECT body, deleted FROM sync_documents WHERE collection = 'patients' AND id = $1`,
      [id],
    );
    return row ? { ...row.body, _deleted: row.deleted } : undefined;
  }

  /** The conflicts of a patient as the facility's PCs get them: with the values. */
  async function conflicts(id: string): Promise<ConflictRecord[]> {
    const response = await fetch(`${server.url}${syncPath('conflicts')}?collection=patients&documentId=${id}`, {
      headers: { authorization: `Bearer ${clientA.enrollment.token}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { conflicts: ConflictRecord[] }).conflicts;
  }

  async function apply(client: IsolatedClient, id: string, edit: Edit): Promise<void> {
    if (edit.field === '_deleted') return client.patients.remove(id);
    const result = await client.patients.update(id, { [edit.field]: edit.value });
    expect(result.ok).toBe(true);
  }

  async function syncUntilSent(client: IsolatedClient): Promise<void> {
    await client.goOnline();
    await waitFor(async () => (await client.outbox.count()) === 0, 'the outbox is empty');
  }

  it.each(CASES)(
    'keeps every value: A $a.label, B $b.label, $firstBack reconnects first',
    async ({ a, b, firstBack }) => {
      const registered = await clientA.patients.register(validRegistrationForm());
      if (!registered.ok) throw new Error('fixture');
      const id = registered.patient.id;
      await syncUntilSent(clientA);
      await clientB.goOnline();
      await waitFor(async () => (await clientB.patient(id)) !== null, 'B has the patient');
      await clientA.goOffline();
      await clientB.goOffline();

      await apply(clientA, id, a);
      await apply(clientB, id, b);
      const [first, second] = firstBack === 'A' ? [clientA, clientB] : [clientB, clientA];
      await syncUntilSent(first);
      await syncUntilSent(second);
      await first.goOnline();

      const master = await serverState(id);
      if (!master) throw new Error('the server lost the patient');
      const [firstEdit, secondEdit] = firstBack === 'A' ? [a, b] : [b, a];
      const expected = expectedOutcome(firstEdit, secondEdit);
      for (const [field, value] of Object.entries(expected.master)) {
        expect(master[field as keyof typeof master], `the server's ${field}`).toBe(value);
      }
      const recorded = (await conflicts(id)).map(({ field, losingValue }) => ({ field, losingValue }));
      expect(recorded).toEqual(expected.conflicts);

      // Both devices converge on the master.
      for (const client of [clientA, clientB]) {
        await waitFor(async () => {
          const local = await client.patient(id);
          return master._deleted ? local === null : local?.phone === master.phone && local.bhyt === master.bhyt;
        }, 'the client matches the master');
      }
    },
  );

  it('records who lost, on which device and when; the values only for the facility, not the province', async () => {
    const registered = await clientA.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('fixture');
    await syncUntilSent(clientA);
    await clientB.goOnline();
    await waitFor(async () => (await clientB.patient(registered.patient.id)) !== null, 'B has the patient');
    await clientA.goOffline();
    await clientB.goOffline();
    await apply(clientA, registered.patient.id, phoneA);
    await apply(clientB, registered.patient.id, phoneB);
    await syncUntilSent(clientA);
    await syncUntilSent(clientB);

    const [conflict] = await conflicts(registered.patient.id);
    expect(conflict).toMatchObject({
      collection: 'patients',
      documentId: registered.patient.id,
      facilityCode: '10010',
      field: 'phone',
      masterValue: phoneA.value,
      losingValue: phoneB.value,
    });
    expect(conflict?.deviceId).toBe(clientB.enrollment.deviceId);
    // The staff member, not only the PC: B's edit was made by the registrar logged in there.
    expect(conflict).toMatchObject({ staffId: DEMO_STAFF.registrar.id, staffName: DEMO_STAFF.registrar.displayName });
    expect(conflict?.clientTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Date.parse(conflict?.recordedAt ?? '')).not.toBeNaN();

    // The provincial sync admin sees what happened, not what the patient's record said.
    const forAdmin = await fetch(`${server.url}/admin/v1/conflicts?documentId=${registered.patient.id}`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_SESSION}` },
    });
    const [adminView] = ((await forAdmin.json()) as { conflicts: ConflictRecord[] }).conflicts;
    expect(adminView).toMatchObject({ field: 'phone', staffId: DEMO_STAFF.registrar.id });
    expect(adminView).not.toHaveProperty('masterValue');
    expect(adminView).not.toHaveProperty('losingValue');
    // Another facility's PC gets nothing of this facility's conflicts.
    await ensureFacility(server.database, { code: '10020', provinceCode: '15', name: 'Trung tâm Y tế khu vực Sa Pa' });
    await ensureEnrollmentCode(server.database, 'OTHER-10020', '10020', 1);
    const other = await server.enroll('sa-pa', 'OTHER-10020');
    const foreign = await fetch(
      `${server.url}${syncPath('conflicts')}?collection=patients&documentId=${registered.patient.id}`,
      { headers: { authorization: `Bearer ${other.token}` } },
    );
    expect(await foreign.json()).toEqual({ conflicts: [] });

    const refused = await fetch(`${server.url}/admin/v1/conflicts`, { headers: { authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(401);
  });

  it('tells the PCs whose edit lost, with the other value, who and when, until an edit puts it back', async () => {
    const registered = await clientA.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('fixture');
    const id = registered.patient.id;
    await syncUntilSent(clientA);
    await clientB.goOnline();
    await waitFor(async () => (await clientB.patient(id)) !== null, 'B has the patient');
    await clientB.goOffline();
    await apply(clientA, id, phoneA);
    await waitFor(async () => (await clientA.outbox.count()) === 0, 'A’s edit is on the server');
    await apply(clientB, id, phoneB);
    await syncUntilSent(clientB);

    // The losing PC learns it from its own pull, as it would any record (offline later too).
    await waitFor(async () => (await clientB.conflicts.all()).length === 1, 'B pulled the lost value');
    const [lost] = await clientB.conflicts.all();
    expect(lost).toMatchObject({
      sourceCollection: 'patients',
      documentId: id,
      field: 'phone',
      masterValue: JSON.stringify(phoneA.value),
      losingValue: JSON.stringify(phoneB.value),
      deviceId: clientB.enrollment.deviceId,
      staffId: DEMO_STAFF.registrar.id,
      resolvedAt: '',
      updatedBy: 'server',
    });
    expect(lost?.clientTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lost?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await waitFor(async () => (await clientA.conflicts.all()).length === 1, 'A, of the same facility, too');

    // Someone allowed to edit puts the lost value back: an ordinary edit, which settles it.
    await apply(clientB, id, phoneB);
    await waitFor(async () => (await clientB.conflicts.all())[0]?.resolvedAt !== '', 'B sees it settled');
    expect((await clientB.patient(id))?.phone).toBe(phoneB.value);
    expect(await conflicts(id)).toEqual([]);
    await waitFor(async () => (await clientA.patient(id))?.phone === phoneB.value, 'A gets the value back');
  });
});
