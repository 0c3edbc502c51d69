import { TEST_ADMIN } from '../helpers/test-admin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAlertRecord } from '../../server/audit/audit-alert-routes';
import type { ConflictGroup } from '../../server/conflicts/conflict-groups';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { SERVER_SIGNER } from '../../shared/signing/document-signature';
import { PROVINCE_AUTHOR } from '../../shared/staff/staff-document';
import { adminRequest } from '../helpers/admin-requests';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm, validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const PHONE_A = '0933333333';
const PHONE_B = '0944444444';

interface GroupPage {
  documents: ConflictGroup[];
  nextCursor: string | null;
}

describe('the province resolves the values that lost a merge', () => {
  let server: TestServer;
  let clientA: IsolatedClient;
  let clientB: IsolatedClient;

  beforeEach(async () => {
    server = await TestServer.start();
    clientA = await IsolatedClient.open(server.url, await server.enroll('Tiếp đón 1'));
    clientB = await IsolatedClient.open(server.url, await server.enroll('Phòng khám 1'));
  });
  afterEach(async () => {
    await clientA.close();
    await clientB.close();
    await server.close();
  });

  const groups = async (query = '?facility=10010'): Promise<GroupPage> => {
    const response = await adminRequest(server.url, 'GET', `/conflicts/by-document${query}`);
    expect(response.status).toBe(200);
    return response.body as GroupPage;
  };

  async function syncUntilSent(client: IsolatedClient): Promise<void> {
    await client.goOnline();
    await waitFor(async () => (await client.outbox.count()) === 0, 'the outbox is empty');
  }

  /** A patient on both PCs, whose phone the two change offline: A reaches the server first. */
  async function phoneConflict(): Promise<{ id: string; conflictId: string }> {
    const registered = await clientA.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('fixture');
    const id = registered.patient.id;
    await syncUntilSent(clientA);
    await clientB.goOnline();
    await waitFor(async () => (await clientB.patient(id)) !== null, 'B has the patient');
    await clientA.goOffline();
    await clientB.goOffline();
    expect((await clientA.patients.update(id, { phone: PHONE_A })).ok).toBe(true);
    expect((await clientB.patients.update(id, { phone: PHONE_B })).ok).toBe(true);
    await syncUntilSent(clientA);
    await syncUntilSent(clientB);
    const [group] = (await groups()).documents;
    const conflictId = group?.conflicts[0]?.id;
    if (!conflictId) throw new Error('no conflict was recorded');
    return { id, conflictId };
  }

  const serverPatient = async (id: string) => {
    const [row] = await server.database.query<{ body: Record<string, unknown>; signature: { signer: string } }>(
      `SELECT body, signature FROM sync_documents WHERE collection = 'patients' AND id = $1`,
      [id],
    );
    return row;
  };
  const resolution = async (conflictId: string) => {
    const [row] = await server.database.query<{ resolution: string; resolved_by: string; resolution_note: string }>(
      'SELECT resolution, resolved_by, resolution_note FROM sync_conflicts WHERE id = $1',
      [conflictId],
    );
    return row;
  };

  it('lists the losing value beside the master, restores it as a province edit both PCs converge to, once', async () => {
    const { id, conflictId } = await phoneConflict();
    const page = await groups();
    expect(page.nextCursor).toBeNull();
    expect(page.documents).toHaveLength(1);
    expect(page.documents[0]).toMatchObject({
      facilityCode: '10010',
      collection: 'patients',
      documentId: id,
      documentExists: true,
      updatedBy: DEMO_STAFF.registrar.id,
      updatedByName: DEMO_STAFF.registrar.displayName,
      // Whose record it is, for the console's list: a patient is its own patient.
      patientId: id,
      patientCode: expect.stringMatching(/^10010-/) as unknown,
      encounterId: null,
    });
    expect(page.documents[0]?.conflicts).toEqual([
      expect.objectContaining({
        id: conflictId,
        field: 'phone',
        masterValue: PHONE_A,
        losingValue: PHONE_B,
        currentValue: PHONE_A,
        deviceName: 'Phòng khám 1',
        staffId: DEMO_STAFF.registrar.id,
        staffName: DEMO_STAFF.registrar.displayName,
      }),
    ]);

    const restored = await adminRequest(server.url, 'POST', `/conflicts/${conflictId}/restore`, {
      note: 'Bệnh nhân xác nhận số mới qua điện thoại',
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: conflictId, resolution: 'restored', resolvedBy: TEST_ADMIN.displayName });

    // An ordinary new version: the losing value, by the province, signed by the server.
    const master = await serverPatient(id);
    expect(master?.body).toMatchObject({ phone: PHONE_B, updatedBy: PROVINCE_AUTHOR });
    expect(master?.signature.signer).toBe(SERVER_SIGNER);
    expect(await resolution(conflictId)).toEqual({
      resolution: 'restored',
      resolved_by: TEST_ADMIN.displayName,
      resolution_note: 'Bệnh nhân xác nhận số mới qua điện thoại',
    });
    // Both PCs pull it like any edit, and stop offering the lost value.
    for (const client of [clientA, clientB]) {
      await waitFor(async () => (await client.patient(id))?.phone === PHONE_B, 'the PC has the restored value');
      await waitFor(
        async () => (await client.conflicts.all()).every((conflict) => conflict.resolvedAt !== ''),
        'the PC sees the conflict resolved',
      );
    }
    expect((await groups()).documents).toEqual([]);

    // Resolved once: neither a second restore nor a dismissal changes anything.
    for (const action of ['restore', 'dismiss']) {
      const again = await adminRequest(server.url, 'POST', `/conflicts/${conflictId}/${action}`, { note: 'lần hai' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'already-resolved' });
    }
    expect((await resolution(conflictId))?.resolution_note).toBe('Bệnh nhân xác nhận số mới qua điện thoại');

    // A PC edits on top of the province's version as on any other.
    expect((await clientA.patients.update(id, { phone: '0955555555' })).ok).toBe(true);
    await waitFor(async () => (await clientB.patient(id))?.phone === '0955555555', 'B gets the later edit');
  });

  it('dismisses a conflict: the master stays, the PCs stop offering the lost value', async () => {
    const { id, conflictId } = await phoneConflict();
    const dismissed = await adminRequest(server.url, 'POST', `/conflicts/${conflictId}/dismiss`, {
      note: 'Số cũ là đúng',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ resolution: 'dismissed', note: 'Số cũ là đúng' });
    expect((await serverPatient(id))?.body.phone).toBe(PHONE_A);
    expect(await resolution(conflictId)).toMatchObject({
      resolution: 'dismissed',
      resolved_by: TEST_ADMIN.displayName,
    });
    expect((await groups()).documents).toEqual([]);
    await waitFor(
      async () => (await clientB.conflicts.all()).every((conflict) => conflict.resolvedAt !== ''),
      'B sees it resolved',
    );
    expect((await clientB.patient(id))?.phone).toBe(PHONE_A);
    expect((await adminRequest(server.url, 'POST', `/conflicts/${conflictId}/dismiss`, {})).status).toBe(409);
    expect((await adminRequest(server.url, 'POST', `/conflicts/${crypto.randomUUID()}/dismiss`, {})).status).toBe(404);
    expect((await adminRequest(server.url, 'POST', `/conflicts/${conflictId}/restore`, {}, null)).status).toBe(401);
  });

  it('acknowledges an audit chain break with a note: it leaves the open list and is kept', async () => {
    await clientA.close();
    clientA = await IsolatedClient.open(server.url, await server.enroll('Tiếp đón 2'), { audit: true });
    for (let n = 0; n < 3; n++) {
      const registered = await clientA.patients.register(numberedRegistrationForm('Nhật ký', n));
      expect(registered.ok).toBe(true);
    }
    await clientA.audit.removeEntry(2);
    await clientA.goOnline();
    const alerts = async (state = 'open'): Promise<AuditAlertRecord[]> =>
      ((await adminRequest(server.url, 'GET', `/audit/alerts?state=${state}`)).body as { alerts: AuditAlertRecord[] })
        .alerts;
    await waitFor(async () => (await alerts()).length === 1, 'the alert');
    const [alert] = await alerts();
    expect(alert).toMatchObject({ kind: 'entry-deleted', deviceName: 'Tiếp đón 2', acknowledgedAt: null });
    const paged = (await adminRequest(server.url, 'GET', '/audit/alerts?limit=1')).body as { nextCursor: unknown };
    expect(paged.nextCursor).toBeNull();
    if (!alert) throw new Error('no alert');
    const overview = async () =>
      (await adminRequest(server.url, 'GET', '/facilities/10010/overview')).body as {
        openProblems: { unacknowledgedAuditAlerts: number };
      };
    expect((await overview()).openProblems.unacknowledgedAuditAlerts).toBe(1);

    expect((await adminRequest(server.url, 'POST', `/audit-alerts/${alert.id}/acknowledge`, {})).status).toBe(400);
    const acknowledged = await adminRequest(server.url, 'POST', `/audit-alerts/${alert.id}/acknowledge`, {
      note: 'Đã hỏi khoa: máy bị cài lại',
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      id: alert.id,
      acknowledgedBy: TEST_ADMIN.displayName,
      note: 'Đã hỏi khoa: máy bị cài lại',
    });
    expect(await alerts()).toEqual([]);
    expect(await alerts('acknowledged')).toMatchObject([{ id: alert.id, note: 'Đã hỏi khoa: máy bị cài lại' }]);
    expect((await overview()).openProblems.unacknowledgedAuditAlerts).toBe(0);
    const again = await adminRequest(server.url, 'POST', `/audit-alerts/${alert.id}/acknowledge`, { note: 'lần hai' });
    expect(again.status).toBe(409);
  });
});
