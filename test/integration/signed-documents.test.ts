import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import { finishedVisit, prescription, AMLODIPIN } from '../helpers/clinical-history';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const DOCTOR = DEMO_STAFF.doctor.id;
const TODAY = new Date().toISOString().slice(0, 10);

/**
 * Signed clinical documents across PCs (docs/decisions/0006-signed-clinical-documents.md): a
 * signed visit never changes on the server, whoever pushes the change and however it is made;
 * the device that pushed it holds it in quarantine with the reason.
 */
describe('signed clinical documents', () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  const doctorPc = async (name: string): Promise<IsolatedClient> => {
    const client = await IsolatedClient.open(server.url, await server.enroll(name), { userId: DOCTOR });
    clients.push(client);
    return client;
  };

  const stored = async (collection: string, id: string): Promise<Record<string, unknown> | undefined> =>
    (
      await server.database.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM sync_documents WHERE collection = $1 AND id = $2`,
        [collection, id],
      )
    )[0]?.body;

  const sent = async (client: IsolatedClient): Promise<boolean> => (await client.outbox.count()) === 0;

  /** A registered patient and a finished visit written on `pc` by the doctor, synced. */
  async function finishedVisitOn(pc: IsolatedClient): Promise<EncounterDocument> {
    await pc.actAs(DEMO_STAFF.registrar.id);
    const registered = await pc.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    await pc.actAs(DOCTOR);
    const { deviceId, facility } = pc.enrollment;
    const visit = finishedVisit(
      registered.patient.id,
      { facilityCode: facility.code, deviceId, staffId: DOCTOR },
      TODAY,
    );
    await pc.clinical.write({ collection: 'encounters', body: visit });
    await pc.goOnline();
    await waitFor(async () => (await stored('encounters', visit.id)) !== undefined, 'the visit reached the server');
    // Signing checks the password against the account as this PC holds it.
    await waitFor(async () => (await pc.staff.roles(DOCTOR)) !== undefined, 'the PC has the staff accounts');
    return visit;
  }

  /** Whether the client holds the document in quarantine with this reason, as it reported last. */
  const heldWith = (client: IsolatedClient, id: string, reason: string) => (): boolean => {
    let entries: QuarantinedDocument[] = [];
    client.sync.quarantine$.subscribe((value) => (entries = value)).unsubscribe();
    return entries.some((entry) => entry.id === id && (entry.details as { reason?: string } | null)?.reason === reason);
  };

  it('refuses the edit another PC made offline before the visit was signed, and stores nothing of it', async () => {
    const pcA = await doctorPc('phòng khám 1');
    const pcB = await doctorPc('phòng khám 2');
    const visit = await finishedVisitOn(pcA);
    await pcB.goOnline();
    await waitFor(async () => (await pcB.signing.document('encounters', visit.id)) !== null, 'PC 2 has the visit');

    await pcB.goOffline();
    await pcB.signing.patch('encounters', visit.id, { advice: 'Sửa trên máy 2 khi mất mạng' });

    const signed = await pcA.signing.sign('encounters', visit.id, DEMO_PASSWORD);
    expect(signed).toMatchObject({ ok: true, document: { signedBy: DOCTOR } });
    await waitFor(
      async () => (await stored('encounters', visit.id))?.signedBy === DOCTOR,
      'the signed visit is stored',
    );
    const signedOnServer = await stored('encounters', visit.id);

    await pcB.goOnline();
    await waitFor(heldWith(pcB, visit.id, 'document-signed'), 'PC 2 holds its edit with the reason');
    expect(await stored('encounters', visit.id)).toEqual(signedOnServer);
    expect((await stored('encounters', visit.id))?.advice).toBe(visit.advice);
  });

  it('refuses a signed visit whose content changed after signing, signature kept, and a wrong password signs nothing', async () => {
    const pc = await doctorPc('phòng khám');
    const visit = await finishedVisitOn(pc);
    expect(await pc.signing.sign('encounters', visit.id, 'not the password')).toMatchObject({
      ok: false,
      problems: [{ code: 'password-wrong' }],
    });
    await pc.goOffline();
    // Signed on this PC, not yet sent; then the content is changed under the signature.
    expect((await pc.signing.sign('encounters', visit.id, DEMO_PASSWORD)).ok).toBe(true);
    await pc.signing.patch('encounters', visit.id, {
      diagnoses: [{ code: 'J18.9', name: 'Viêm phổi', primary: true }],
    });
    const tampered = await pc.signing.document('encounters', visit.id);
    expect(await pc.signing.check('encounters', tampered ?? {})).toBe('invalid');

    await pc.goOnline();
    await waitFor(heldWith(pc, visit.id, 'clinical-signature-invalid'), 'the tampered visit is held with the reason');
    const onServer = await stored('encounters', visit.id);
    expect(onServer?.signedBy ?? '').toBe('');
    expect(onServer?.diagnoses).toEqual(visit.diagnoses);

    // A version naming the one it replaces, written without signing: refused too.
    const { deviceId, facility } = pc.enrollment;
    const by = { facilityCode: facility.code, deviceId, staffId: DOCTOR };
    const unsigned = finishedVisit(visit.patientId, by, TODAY, { supersedes: visit.id, amendmentReason: 'Sửa' });
    await pc.clinical.write({ collection: 'encounters', body: unsigned });
    await waitFor(heldWith(pc, unsigned.id, 'amendment-unsigned'), 'the unsigned amendment is held');
    expect(await stored('encounters', unsigned.id)).toBeUndefined();
  });

  it('keeps a signed prescription dispensable, and an amendment is a new signed version beside the old', async () => {
    const pc = await doctorPc('phòng khám');
    const visit = await finishedVisitOn(pc);
    const { deviceId, facility } = pc.enrollment;
    const order = prescription(visit, { facilityCode: facility.code, deviceId, staffId: DOCTOR }, [AMLODIPIN], {
      status: 'ordered',
    });
    await pc.clinical.write({ collection: 'orders', body: order });
    expect((await pc.signing.sign('orders', order.id, DEMO_PASSWORD)).ok).toBe(true);
    expect((await pc.signing.sign('encounters', visit.id, DEMO_PASSWORD)).ok).toBe(true);

    const amended = await pc.signing.amendEncounter(
      visit.id,
      { advice: 'Ăn nhạt, tái khám sau 2 tuần' },
      'Ghi nhầm hẹn tái khám',
      DEMO_PASSWORD,
    );
    if (!amended.ok) throw new Error(`the amendment failed: ${JSON.stringify(amended.problems)}`);
    expect(amended.document).toMatchObject({
      supersedes: visit.id,
      signedBy: DOCTOR,
      amendmentReason: 'Ghi nhầm hẹn tái khám',
    });
    // Only the version in force is amended.
    expect(await pc.signing.amendEncounter(visit.id, { advice: 'x' }, 'y', DEMO_PASSWORD)).toMatchObject({
      ok: false,
      problems: [{ code: 'amend-superseded' }],
    });

    await waitFor(() => sent(pc), 'everything reached the server');
    expect(await stored('encounters', visit.id)).toMatchObject({ advice: visit.advice, signedBy: DOCTOR });
    expect(await stored('encounters', amended.document.id)).toMatchObject({ supersedes: visit.id });
    const chart = await pc.clinical.chart(visit.patientId, TODAY);
    expect(chart.timeline.map((entry) => entry.id)).toEqual([amended.document.id]);
    // The prescription names the original visit and shows with the version in force.
    expect(chart.timeline[0]?.prescriptions.map((entry) => entry.id)).toEqual([order.id]);
    expect(chart.timeline[0]?.supersededVersions.map((entry) => entry.id)).toEqual([visit.id]);
    expect(await stored('orders', order.id)).toMatchObject({ signedBy: DOCTOR, status: 'ordered' });

    // The pharmacist hands the drugs over: outside what the doctor signed, so it is taken.
    const pharmacist = DEMO_STAFF.pharmacist.id;
    await pc.actAs(pharmacist);
    const at = new Date().toISOString();
    await pc.signing.patch('orders', order.id, {
      status: 'completed',
      handledBy: pharmacist,
      completedAt: at,
      updatedAt: at,
      updatedBy: pharmacist,
    });
    await waitFor(async () => (await stored('orders', order.id))?.status === 'completed', 'the dispensing is stored');
    const dispensed = await stored('orders', order.id);
    expect(dispensed).toMatchObject({ signedBy: DOCTOR, handledBy: pharmacist });
    expect(await pc.signing.check('orders', dispensed ?? {})).toBe('valid');
  });
});
