import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../renderer/visits/visit-rules';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { VitalSigns } from '../../shared/clinical/observation-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { demoSigner, signedRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const ROOM = 'KKB';
const VITALS: VitalSigns = {
  pulse: 112,
  systolic: 150,
  diastolic: 95,
  temperature: 38.6,
  respiratoryRate: 22,
  spo2: 96,
  weightKg: 52,
  heightCm: 155,
};

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

describe('the outpatient queue across two PCs of one facility', () => {
  let server: TestServer;
  let reception: IsolatedClient;
  let examRoom: IsolatedClient;

  beforeEach(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    reception = await IsolatedClient.open(server.url, await server.enroll('tiếp đón'), {
      userId: DEMO_STAFF.registrar.id,
    });
    examRoom = await IsolatedClient.open(server.url, await server.enroll('phòng khám'), {
      userId: DEMO_STAFF.doctor.id,
    });
  });
  afterEach(async () => {
    await reception.close();
    await examRoom.close();
    await server.close();
  });

  const storedVisit = async (id: string): Promise<EncounterDocument | undefined> =>
    (
      await server.database.query<{ body: EncounterDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'encounters' AND id = $1`,
        [id],
      )
    )[0]?.body;

  it('is queued at reception, called, examined, diagnosed and concluded by the doctor on another PC', async () => {
    const registered = await reception.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const patient = registered.patient;
    const queued = await reception.visits.queue(patient.id, ROOM, ROOM);
    if (!queued.ok) throw new Error(`queueing failed: ${JSON.stringify(queued.problems)}`);
    expect(queued.encounter).toMatchObject({ status: 'waiting', queueNumber: 1, queueDate: localIsoDate(new Date()) });
    expect(queued.encounter.episodeKey).toBe(`${queued.encounter.facilityCode}.${queued.encounter.id}`);
    // The same patient is not queued twice while the first visit is open.
    expect(await reception.visits.queue(patient.id, ROOM, ROOM)).toMatchObject({
      ok: false,
      problems: [{ code: 'already-in-queue' }],
    });

    await reception.goOnline();
    await examRoom.goOnline();
    await waitFor(
      async () => (await examRoom.visits.roomQueue(ROOM)).length === 1,
      'the doctor sees the patient queued',
    );
    await waitFor(async () => (await examRoom.catalog.count()) > 400, 'the catalogs reached the exam room');
    const [waiting] = await examRoom.visits.roomQueue(ROOM);
    expect(waiting).toMatchObject({ id: queued.encounter.id, status: 'waiting', patientId: patient.id });

    const called = await examRoom.visits.call(queued.encounter.id);
    expect(called).toMatchObject({ ok: true, encounter: { status: 'in-progress', doctorId: DEMO_STAFF.doctor.id } });

    expect(await examRoom.visits.saveVitals(queued.encounter.id, { ...VITALS, pulse: 420 })).toMatchObject({
      ok: false,
      problems: [{ field: 'pulse', code: 'implausible' }],
    });
    expect((await examRoom.visits.saveVitals(queued.encounter.id, VITALS)).ok).toBe(true);
    expect(await examRoom.visits.latestVitals(queued.encounter.id)).toEqual(VITALS);

    const notes = { reason: 'Sốt, ho 3 ngày', history: 'Ho có đờm', examination: 'Ran ẩm đáy phổi phải' };
    expect((await examRoom.visits.saveNotes(queued.encounter.id, { examination: 'Tim đều' })).ok).toBe(true);
    expect((await examRoom.visits.saveNotes(queued.encounter.id, { reason: notes.reason })).ok).toBe(true);
    // A save writes the fields it is given and leaves the others as they are.
    expect(await examRoom.visits.get(queued.encounter.id)).toMatchObject({
      reason: notes.reason,
      examination: 'Tim đều',
    });
    expect((await examRoom.visits.saveNotes(queued.encounter.id, notes)).ok).toBe(true);

    // The patient is a woman: a male-only code is refused and nothing is written.
    expect(await examRoom.visits.saveDiagnoses(queued.encounter.id, [{ code: 'N40', primary: true }])).toMatchObject({
      ok: false,
      problems: [{ field: 'N40', code: 'wrong-sex' }],
    });
    const diagnosed = await examRoom.visits.saveDiagnoses(queued.encounter.id, [
      { code: 'J18.9', primary: true },
      { code: 'I10', primary: false },
    ]);
    expect(diagnosed).toMatchObject({
      ok: true,
      encounter: {
        diagnoses: [
          { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true },
          { code: 'I10', primary: false },
        ],
      },
    });

    expect(
      await examRoom.visits.conclude(queued.encounter.id, { disposition: 'follow-up', followUpDate: '', advice: '' }),
    ).toMatchObject({ ok: false, problems: [{ code: 'follow-up-date-required' }] });
    const followUpDate = daysFromToday(7);
    const concluded = await examRoom.visits.conclude(queued.encounter.id, {
      disposition: 'follow-up',
      followUpDate,
      advice: 'Uống thuốc đúng giờ, tái khám sau 7 ngày',
    });
    expect(concluded).toMatchObject({ ok: true, encounter: { status: 'finished', followUpDate } });
    // A finished visit is read only.
    expect(await examRoom.visits.saveNotes(queued.encounter.id, { ...notes, examination: 'sửa sau' })).toMatchObject({
      ok: false,
      problems: [{ code: 'visit-finished' }],
    });

    await waitFor(async () => (await storedVisit(queued.encounter.id))?.status === 'finished', 'the server has it');
    await waitFor(
      async () => (await reception.visits.get(queued.encounter.id))?.status === 'finished',
      'reception sees the visit finished',
    );
    expect(await storedVisit(queued.encounter.id)).toMatchObject({
      doctorId: DEMO_STAFF.doctor.id,
      reason: notes.reason,
      diagnoses: [{ code: 'J18.9' }, { code: 'I10' }],
      disposition: 'follow-up',
    });
    expect(await examRoom.outbox.count()).toBe(0);
  });

  it('keeps both patients when two offline PCs issue the same number in one room', async () => {
    const first = await reception.patients.register(validRegistrationForm({ cccd: '001190000001', givenName: 'Một' }));
    // A second reception desk, offline like the first.
    await examRoom.actAs(DEMO_STAFF.registrar.id);
    const second = await examRoom.patients.register(validRegistrationForm({ cccd: '001190000002', givenName: 'Hai' }));
    if (!first.ok || !second.ok) throw new Error('registration failed');
    const fromReception = await reception.visits.queue(first.patient.id, ROOM, ROOM);
    const fromExamRoom = await examRoom.visits.queue(second.patient.id, ROOM, ROOM);
    expect([fromReception, fromExamRoom]).toMatchObject([
      { ok: true, encounter: { queueNumber: 1 } },
      { ok: true, encounter: { queueNumber: 1 } },
    ]);

    await reception.goOnline();
    await examRoom.goOnline();
    for (const client of [reception, examRoom]) {
      await waitFor(async () => (await client.visits.roomQueue(ROOM)).length === 2, 'both visits on each PC');
    }
    const orders = await Promise.all(
      [reception, examRoom].map(async (client) => (await client.visits.roomQueue(ROOM)).map((v) => v.id)),
    );
    expect(orders[0]).toEqual(orders[1]);
  });

  it('refuses a diagnosis written by a registrar at the server (not-permitted)', async () => {
    const registered = await reception.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const queued = await reception.visits.queue(registered.patient.id, ROOM, ROOM);
    if (!queued.ok) throw new Error('queueing failed');
    await reception.goOnline();
    await waitFor(async () => (await storedVisit(queued.encounter.id)) !== undefined, 'the server has the visit');
    const master = await storedVisit(queued.encounter.id);
    if (!master) throw new Error('no visit on the server');

    const byRegistrar: EncounterDocument = {
      ...master,
      diagnoses: [{ code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true }],
      updatedBy: DEMO_STAFF.registrar.id,
    };
    const answer = await syncRequest(server.url, reception.enrollment.token, 'encounters', 'push', {
      body: [
        await signedRow('encounters', { ...byRegistrar, _deleted: false }, await demoSigner(DEMO_STAFF.registrar.id), {
          ...master,
          _deleted: false,
        }),
      ],
    });
    expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden', details: { reason: 'not-permitted' } } });
    expect((await storedVisit(queued.encounter.id))?.diagnoses).toEqual([]);
  });

  it('refuses at the server a waiting visit cancelled by staff without visit.queue (not-permitted)', async () => {
    const registered = await reception.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const queued = await reception.visits.queue(registered.patient.id, ROOM, ROOM);
    if (!queued.ok) throw new Error('queueing failed');
    await reception.goOnline();
    await waitFor(async () => (await storedVisit(queued.encounter.id)) !== undefined, 'the server has the visit');
    const master = await storedVisit(queued.encounter.id);
    if (!master) throw new Error('no visit on the server');

    const push = async (change: Partial<EncounterDocument>, staffId: string) =>
      syncRequest(server.url, reception.enrollment.token, 'encounters', 'push', {
        body: [
          await signedRow(
            'encounters',
            { ...master, ...change, updatedBy: staffId, _deleted: false },
            await demoSigner(staffId),
            { ...master, _deleted: false },
          ),
        ],
      });
    const refused = { status: 403, body: { code: 'forbidden', details: { reason: 'not-permitted' } } };
    expect(await push({ status: 'cancelled' }, DEMO_STAFF.labTechnician.id)).toMatchObject(refused);
    expect(await push({ roomCode: 'P102' }, DEMO_STAFF.pharmacist.id)).toMatchObject(refused);
    expect(await storedVisit(queued.encounter.id)).toMatchObject({ status: 'waiting', roomCode: master.roomCode });
    expect(await push({ status: 'cancelled' }, DEMO_STAFF.registrar.id)).toMatchObject({ status: 200 });
  });

  it('keeps both of two diagnoses picked in quick succession', async () => {
    const registered = await examRoom.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    await examRoom.goOnline();
    await waitFor(async () => (await examRoom.catalog.count()) > 400, 'the catalogs reached the exam room');
    await examRoom.actAs(DEMO_STAFF.nurse.id);
    const queued = await examRoom.visits.queue(registered.patient.id, ROOM, ROOM);
    await examRoom.actAs(DEMO_STAFF.doctor.id);
    if (!queued.ok) throw new Error('queueing failed');
    expect((await examRoom.visits.call(queued.encounter.id)).ok).toBe(true);

    const picked = await examRoom.visits.pickDiagnoses(queued.encounter.id, ['J18.9', 'I10']);
    expect(picked.map((result) => result.ok)).toEqual([true, true]);
    expect((await examRoom.visits.get(queued.encounter.id))?.diagnoses).toEqual([
      { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true },
      expect.objectContaining({ code: 'I10', primary: false }),
    ]);
  });

  it('tells a doctor calling a visit another has called who called it, and takes it over only when asked', async () => {
    const registered = await reception.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const queued = await reception.visits.queue(registered.patient.id, ROOM, ROOM);
    if (!queued.ok) throw new Error('queueing failed');
    await reception.goOnline();
    await examRoom.goOnline();
    await waitFor(async () => (await storedVisit(queued.encounter.id)) !== undefined, 'the server has the visit');
    // Someone else calls the patient in at reception's PC (a nurse here: there is one demo doctor).
    await reception.actAs(DEMO_STAFF.nurse.id);
    const first = await reception.visits.call(queued.encounter.id);
    expect(first).toMatchObject({ ok: true, encounter: { doctorId: DEMO_STAFF.nurse.id } });
    await waitFor(
      async () => (await examRoom.visits.get(queued.encounter.id))?.status === 'in-progress',
      'the exam room sees the visit called',
    );

    expect(await examRoom.visits.call(queued.encounter.id)).toEqual({
      ok: false,
      problems: [{ field: 'doctorId', code: 'called-by-other' }],
    });
    expect(await examRoom.visits.get(queued.encounter.id)).toMatchObject({
      doctorId: DEMO_STAFF.nurse.id,
      calledAt: first.ok ? first.encounter.calledAt : '',
    });
    const taken = await examRoom.visits.takeOver(queued.encounter.id);
    expect(taken).toMatchObject({
      ok: true,
      encounter: { doctorId: DEMO_STAFF.doctor.id, updatedBy: DEMO_STAFF.doctor.id },
    });
    await waitFor(
      async () => (await storedVisit(queued.encounter.id))?.doctorId === DEMO_STAFF.doctor.id,
      'the server records the take-over',
    );
  });
});
