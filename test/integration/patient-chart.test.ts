import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import {
  GLUCOSE,
  METFORMIN,
  finishedVisit,
  labOrder,
  labResult,
  prescription,
  vitalsTaken,
} from '../helpers/clinical-history';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

// Within the January prescription's 30 days.
const TODAY = '2026-02-01';

describe("a patient's chart across the facility's PCs", () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  async function openPc(name: string, userId: string): Promise<IsolatedClient> {
    const client = await IsolatedClient.open(server.url, await server.enroll(name), { userId });
    clients.push(client);
    await client.goOnline();
    return client;
  }
  const allSent = (client: IsolatedClient, what: string) =>
    waitFor(async () => (await client.outbox.count()) === 0, `${what} reached the server`);

  it('gathers visits and results written on two PCs in one chart on a third, and an allergy follows the patient', async () => {
    const reception = await openPc('tiếp đón', DEMO_STAFF.registrar.id);
    const examRoom = await openPc('phòng khám 1', DEMO_STAFF.doctor.id);
    const ward = await openPc('phòng khám 2', DEMO_STAFF.doctor.id);

    const registered = await reception.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const patientId = registered.patient.id;
    await allSent(reception, 'the registration');

    // January, at the reception PC's desk now used by the doctor: a visit with vital signs and drugs.
    await reception.actAs(DEMO_STAFF.doctor.id);
    const pcA = { facilityCode: reception.enrollment.facility.code, deviceId: reception.enrollment.deviceId };
    const january = finishedVisit(patientId, { ...pcA, staffId: DEMO_STAFF.doctor.id }, '2026-01-05');
    await reception.clinical.write({ collection: 'encounters', body: january });
    await allSent(reception, 'the January visit');
    await reception.clinical.write({
      collection: 'observations',
      body: vitalsTaken(january, { ...pcA, staffId: DEMO_STAFF.doctor.id }, { systolic: 160, diastolic: 100 }),
    });
    await reception.clinical.write({
      collection: 'orders',
      body: prescription(january, { ...pcA, staffId: DEMO_STAFF.doctor.id }, [METFORMIN]),
    });

    // February, in the exam room: a visit, vital signs, glucose ordered, and its result entered.
    const pcB = { facilityCode: examRoom.enrollment.facility.code, deviceId: examRoom.enrollment.deviceId };
    const doctorB = { ...pcB, staffId: DEMO_STAFF.doctor.id };
    const february = finishedVisit(patientId, doctorB, '2026-02-04', {
      diagnoses: [{ code: 'E11', name: 'Đái tháo đường type 2', primary: true }],
    });
    await examRoom.clinical.write({ collection: 'encounters', body: february });
    await allSent(examRoom, 'the February visit');
    const glucoseOrder = labOrder(february, doctorB, [[GLUCOSE.code, GLUCOSE.name]]);
    await examRoom.clinical.write({ collection: 'orders', body: glucoseOrder });
    await examRoom.clinical.write({
      collection: 'observations',
      body: vitalsTaken(february, doctorB, { systolic: 140, diastolic: 90 }),
    });
    await allSent(examRoom, 'the glucose order');
    await examRoom.actAs(DEMO_STAFF.labTechnician.id);
    await examRoom.clinical.write({
      collection: 'observations',
      body: labResult(glucoseOrder, { ...pcB, staffId: DEMO_STAFF.labTechnician.id }, { ...GLUCOSE, value: 8.2 }),
    });

    // The third PC sees it all in one chart, newest visit first.
    await waitFor(async () => {
      const chart = await ward.clinical.chart(patientId, TODAY);
      return (
        chart.timeline.length === 2 &&
        chart.timeline.every((visit) => visit.vitals.length === 1) &&
        (chart.timeline[0]?.results.length ?? 0) === 1 &&
        (chart.timeline[1]?.prescriptions.length ?? 0) === 1
      );
    }, 'both PCs’ writes are in the third one’s chart');
    const chart = await ward.clinical.chart(patientId, TODAY);
    expect(chart.timeline.map((visit) => visit.id)).toEqual([february.id, january.id]);
    expect(chart.timeline[0]?.results.map(({ lab }) => [lab.testCode, lab.value, lab.flag])).toEqual([
      [GLUCOSE.code, '8.2', 'high'],
    ]);
    expect(chart.diagnoses.map((diagnosis) => diagnosis.code)).toEqual(['E11', 'I10']);
    expect(chart.medications.current.map((line) => line.name)).toEqual(['Metformin hydroclorid']);
    const pressure = chart.series.find((series) => series.key === 'vital:bloodPressure');
    expect(pressure?.lines.map((line) => line.points.map((point) => point.value))).toEqual([
      [160, 140],
      [100, 90],
    ]);

    // An allergy recorded in the exam room is active on the third PC; refused without an allergen.
    await examRoom.actAs(DEMO_STAFF.doctor.id);
    expect(
      await examRoom.clinical.recordAllergy(patientId, {
        substance: ' ',
        ingredientKey: '',
        reaction: '',
        severity: 'mild',
      }),
    ).toEqual({ ok: false, problems: [{ field: 'substance', code: 'required' }] });
    const recorded = await examRoom.clinical.recordAllergy(patientId, {
      substance: 'Amoxicilin',
      // Left blank: the substance is the ingredient a prescription is checked against.
      ingredientKey: '',
      reaction: 'Phù mạch',
      severity: 'severe',
    });
    if (!recorded.ok) throw new Error('the allergy was refused');
    await waitFor(
      async () => (await ward.clinical.chart(patientId, TODAY)).allergies.active.length === 1,
      'the allergy reached the third PC',
    );
    expect((await ward.clinical.chart(patientId, TODAY)).allergies.active[0]).toMatchObject({
      substance: 'Amoxicilin',
      ingredientKey: 'amoxicilin',
      severity: 'severe',
      recordedBy: DEMO_STAFF.doctor.id,
    });

    // Found to be wrong there, it is made inactive, with the reason: never deleted, on every PC.
    expect(await ward.clinical.deactivateAllergy(recorded.allergy.id, '')).toMatchObject({ ok: false });
    expect((await ward.clinical.deactivateAllergy(recorded.allergy.id, 'Nhầm với bệnh nhân khác')).ok).toBe(true);
    await waitFor(async () => {
      const { allergies } = await examRoom.clinical.chart(patientId, TODAY);
      return allergies.active.length === 0 && allergies.inactive.length === 1;
    }, 'the deactivation reached the exam room');
    expect((await examRoom.clinical.chart(patientId, TODAY)).allergies.inactive[0]).toMatchObject({
      substance: 'Amoxicilin',
      active: false,
      note: 'Nhầm với bệnh nhân khác',
      recordedBy: DEMO_STAFF.doctor.id,
    });
    const [stored] = await server.database.query<{ body: { allergy: { active: boolean } } }>(
      `SELECT body FROM sync_documents WHERE collection = 'observations' AND id = $1`,
      [recorded.allergy.id],
    );
    expect(stored?.body.allergy.active).toBe(false);
  });
});
