import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActiveStay } from '../../renderer/inpatient/inpatient-repository';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const PNEUMONIA = 'J18.9';

/**
 * The ward's doctor PC and the nurses' station PC of one facility, each in its own worker: a
 * stay from admission to discharge, moves made on either PC, and what the server refuses.
 */
describe('an inpatient stay across two PCs', () => {
  let server: TestServer;
  let doctorPc: IsolatedClient;
  let nursePc: IsolatedClient;

  const held = (client: IsolatedClient): QuarantinedDocument[] => {
    let entries: QuarantinedDocument[] = [];
    client.sync.quarantine$.subscribe((current) => (entries = current)).unsubscribe();
    return entries;
  };
  const serverDocument = async <T>(collection: string, id: string): Promise<T | undefined> =>
    (
      await server.database.query<{ body: T }>(`SELECT body FROM sync_documents WHERE collection = $1 AND id = $2`, [
        collection,
        id,
      ])
    )[0]?.body;
  const activeStay = async (client: IsolatedClient, stayId: string): Promise<ActiveStay | undefined> =>
    (await client.inpatient.activeStays()).find((stay) => stay.stayId === stayId);

  beforeEach(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    const [{ count }] = (await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'catalog'`,
    )) as [{ count: number }];
    doctorPc = await IsolatedClient.open(server.url, await server.enroll('khoa nội - bác sĩ'), {
      userId: DEMO_STAFF.doctor.id,
    });
    nursePc = await IsolatedClient.open(server.url, await server.enroll('khoa nội - điều dưỡng'), {
      userId: DEMO_STAFF.nurse.id,
    });
    for (const client of [doctorPc, nursePc]) {
      await client.goOnline();
      await waitFor(async () => (await client.inpatient.catalogCount()) === count, 'the catalogs pulled');
    }
  });
  afterEach(async () => {
    await doctorPc.close();
    await nursePc.close();
    await server.close();
  });

  const admitted = async (): Promise<EncounterDocument> => {
    const visit = await doctorPc.inpatient.seedVisitConcludedAdmit(validRegistrationForm(), PNEUMONIA);
    const result = await doctorPc.inpatient.admit(visit.id, {
      departmentCode: 'KNOI',
      bed: 'G02',
      diagnoses: [{ code: PNEUMONIA, primary: true }],
    });
    if (!result.ok) throw new Error(`not admitted: ${JSON.stringify(result.problems)}`);
    return result.stay;
  };

  it('admits on one PC, moves on the other, takes a progress note and discharges, and both PCs agree', async () => {
    expect((await doctorPc.inpatient.wards()).map((ward) => ward.code)).toContain('KNOI');
    const stay = await admitted();
    expect(stay).toMatchObject({
      kind: 'inpatient',
      status: 'in-progress',
      roomCode: 'NOITRU',
      departmentCode: 'KNOI',
    });
    expect(stay.stay?.admittingDiagnoses).toEqual([
      { code: PNEUMONIA, name: 'Viêm phổi, không đặc hiệu', primary: true },
    ]);

    // The nurses' station sees the patient in bed G02 of the medical ward, and moves them.
    await waitFor(async () => (await activeStay(nursePc, stay.id)) !== undefined, "the nurse's PC has the stay");
    expect((await activeStay(nursePc, stay.id))?.location.current).toEqual({ departmentCode: 'KNOI', bed: 'G02' });
    const moved = await nursePc.inpatient.transfer(stay.id, {
      departmentCode: 'KNGOAI',
      bed: 'G01',
      reason: 'Chuyển mổ',
    });
    if (!moved.ok) throw new Error(`not moved: ${JSON.stringify(moved.problems)}`);
    await waitFor(
      async () => (await doctorPc.inpatient.location(stay.id))?.current.departmentCode === 'KNGOAI',
      "the doctor's PC sees the move",
    );
    expect(await serverDocument<NoteDocument>('notes', moved.note.id)).toMatchObject({ kind: 'transfer' });

    const note = await doctorPc.inpatient.addProgressNote(stay.id, {
      date: await doctorPc.inpatient.today(),
      text: 'Hết sốt, còn ho ít. Phổi ran nổ giảm.',
      ordersSummary: 'Ceftriaxon 1g x 2 lần/ngày',
      vitalsObservationId: '',
    });
    if (!note.ok) throw new Error(`not written: ${JSON.stringify(note.problems)}`);
    await waitFor(async () => (await serverDocument('notes', note.note.id)) !== undefined, 'the server has the note');

    // A discharge against the ICD-10 rules writes nothing.
    const refused = await doctorPc.inpatient.discharge(stay.id, {
      diagnoses: [{ code: 'N40', primary: true }],
      treatment: '',
      condition: '',
      followUpDate: '',
      followUp: '',
      advice: '',
    });
    expect(refused.ok ? [] : refused.problems.map((problem) => problem.code).sort()).toEqual([
      'condition-required',
      'treatment-required',
      'wrong-sex',
    ]);
    expect((await doctorPc.inpatient.notes(stay.id)).map((each) => each.kind).sort()).toEqual(['progress', 'transfer']);

    const discharged = await doctorPc.inpatient.discharge(stay.id, {
      diagnoses: [{ code: PNEUMONIA, primary: true }],
      treatment: 'Kháng sinh tĩnh mạch 5 ngày, hạ sốt, long đờm',
      condition: 'improved',
      followUpDate: '',
      followUp: 'Tái khám khi sốt lại',
      advice: 'Uống đủ nước, giữ ấm',
    });
    if (!discharged.ok) throw new Error(`not discharged: ${JSON.stringify(discharged.problems)}`);
    await waitFor(
      async () => (await serverDocument<EncounterDocument>('encounters', stay.id))?.status === 'finished',
      'the server has the discharge',
    );
    await waitFor(async () => (await nursePc.inpatient.stay(stay.id))?.status === 'finished', 'the nurse sees it');
    expect(await activeStay(nursePc, stay.id)).toBeUndefined();
    // The summary is a note, pulled by the notes collection's own replication: it may arrive after the stay.
    await waitFor(
      async () => (await nursePc.inpatient.notes(stay.id)).some((each) => each.kind === 'discharge-summary'),
      'the nurse has the discharge summary',
    );
    expect(await serverDocument<NoteDocument>('notes', discharged.note.id)).toMatchObject({
      kind: 'discharge-summary',
      discharge: { condition: 'improved', diagnoses: [{ code: PNEUMONIA, primary: true }] },
    });
    // Read only once discharged.
    const late = await nursePc.inpatient.transfer(stay.id, { departmentCode: 'KNOI', bed: 'G03', reason: '' });
    expect(late.ok ? [] : late.problems.map((problem) => problem.code)).toEqual(['stay-finished']);
    expect(held(doctorPc)).toEqual([]);
    expect(held(nursePc)).toEqual([]);
  });

  it('keeps both moves two PCs made at once, and both PCs show the same bed and the fork', async () => {
    const stay = await admitted();
    await waitFor(async () => (await activeStay(nursePc, stay.id)) !== undefined, "the nurse's PC has the stay");
    await nursePc.goOffline();
    const byDoctor = await doctorPc.inpatient.transfer(stay.id, { departmentCode: 'KNOI', bed: 'G05', reason: '' });
    const byNurse = await nursePc.inpatient.transfer(stay.id, { departmentCode: 'KNOI', bed: 'G06', reason: '' });
    if (!byDoctor.ok || !byNurse.ok) throw new Error('a move was refused');
    await nursePc.goOnline();
    for (const client of [doctorPc, nursePc]) {
      await waitFor(
        async () => (await client.inpatient.location(stay.id))?.concurrentMoves.length === 1,
        'each PC has both moves',
      );
    }
    const [onDoctor, onNurse] = await Promise.all([
      doctorPc.inpatient.location(stay.id),
      nursePc.inpatient.location(stay.id),
    ]);
    expect(onDoctor?.current).toEqual(onNurse?.current);
    expect(onDoctor?.moves.map((move) => move.id).sort()).toEqual([byDoctor.note.id, byNurse.note.id].sort());

    // The next move names both and settles the fork.
    const settled = await doctorPc.inpatient.transfer(stay.id, { departmentCode: 'KNOI', bed: 'G07', reason: '' });
    if (!settled.ok) throw new Error('not moved');
    expect(settled.note.transfer?.after.sort()).toEqual([byDoctor.note.id, byNurse.note.id].sort());
    await waitFor(
      async () => (await nursePc.inpatient.location(stay.id))?.current.bed === 'G07',
      'the nurse sees the settling move',
    );
    expect((await nursePc.inpatient.location(stay.id))?.concurrentMoves).toEqual([]);
  });

  it('refuses at the server a progress note and a discharge written by a nurse, storing nothing', async () => {
    const stay = await admitted();
    await waitFor(async () => (await activeStay(nursePc, stay.id)) !== undefined, "the nurse's PC has the stay");
    // The screens never offer these to a nurse; a client that wrote them anyway is refused.
    const note = await nursePc.inpatient.addProgressNote(stay.id, {
      date: await nursePc.inpatient.today(),
      text: 'Ghi chép của điều dưỡng',
      ordersSummary: '',
      vitalsObservationId: '',
    });
    if (!note.ok) throw new Error('not written locally');
    const discharge = await nursePc.inpatient.discharge(stay.id, {
      diagnoses: [{ code: PNEUMONIA, primary: true }],
      treatment: 'Kháng sinh',
      condition: 'recovered',
      followUpDate: '',
      followUp: '',
      advice: '',
    });
    if (!discharge.ok) throw new Error('not written locally');
    await waitFor(
      () => [note.note.id, discharge.note.id, stay.id].every((id) => held(nursePc).some((entry) => entry.id === id)),
      "the nurse's note, summary and discharge are refused",
    );
    expect(
      held(nursePc)
        .map((entry) => [entry.collection, entry.code])
        .sort(),
    ).toEqual([
      ['encounters', 'forbidden'],
      ['notes', 'forbidden'],
      ['notes', 'forbidden'],
    ]);
    expect(await serverDocument('notes', note.note.id)).toBeUndefined();
    expect(await serverDocument('notes', discharge.note.id)).toBeUndefined();
    expect((await serverDocument<EncounterDocument>('encounters', stay.id))?.status).toBe('in-progress');
  });

  it('signs a progress note and a discharge summary; a signed note never changes at the server, a move is not signed', async () => {
    const stay = await admitted();
    const note = await doctorPc.inpatient.addProgressNote(stay.id, {
      date: await doctorPc.inpatient.today(),
      text: 'Sốt 38,5 độ, ho khạc đờm.',
      ordersSummary: '',
      vitalsObservationId: '',
    });
    if (!note.ok) throw new Error('not written');
    await waitFor(
      async () => (await doctorPc.staff.roles(DEMO_STAFF.doctor.id)) !== undefined,
      'the PC has the accounts',
    );

    // The nurse's PC may not sign; the doctor signs with the password.
    expect(await nursePc.signing.sign('notes', note.note.id, DEMO_PASSWORD)).toMatchObject({ ok: false });
    expect(await doctorPc.signing.sign('notes', note.note.id, DEMO_PASSWORD)).toMatchObject({
      ok: true,
      document: { signedBy: DEMO_STAFF.doctor.id },
    });
    await waitFor(
      async () => (await serverDocument<NoteDocument>('notes', note.note.id))?.signedBy === DEMO_STAFF.doctor.id,
      'the signed note is stored',
    );
    const signed = await serverDocument<NoteDocument>('notes', note.note.id);
    expect(await doctorPc.signing.check('notes', signed ?? {})).toBe('valid');

    // Changed afterwards, signature kept: refused and held, the server keeps the signed text.
    await doctorPc.signing.patch('notes', note.note.id, { text: 'Sửa sau khi ký' });
    await waitFor(
      () => held(doctorPc).some((entry) => entry.id === note.note.id),
      'the changed signed note is held in quarantine',
    );
    expect(await serverDocument('notes', note.note.id)).toEqual(signed);

    // A move between beds is a note too, but not a clinical statement to sign.
    const moved = await doctorPc.inpatient.transfer(stay.id, {
      departmentCode: 'KNOI',
      bed: 'G03',
      reason: 'Gần phòng điều dưỡng',
    });
    if (!moved.ok) throw new Error('not moved');
    expect(await doctorPc.signing.sign('notes', moved.note.id, DEMO_PASSWORD)).toMatchObject({
      ok: false,
      problems: [{ code: 'note-not-signable' }],
    });

    const discharged = await doctorPc.inpatient.discharge(stay.id, {
      diagnoses: [{ code: PNEUMONIA, primary: true }],
      treatment: 'Kháng sinh tĩnh mạch 5 ngày',
      condition: 'recovered',
      followUpDate: '',
      followUp: '',
      advice: '',
    });
    if (!discharged.ok) throw new Error('not discharged');
    expect(await doctorPc.signing.sign('notes', discharged.note.id, DEMO_PASSWORD)).toMatchObject({ ok: true });
    await waitFor(
      async () => (await serverDocument<NoteDocument>('notes', discharged.note.id))?.signedBy === DEMO_STAFF.doctor.id,
      'the signed discharge summary is stored',
    );

    // A signed note is corrected by an amendment: a new signed note naming it, with the reason;
    // the old one stays as it was. A move, or an amendment changing nothing, writes nothing.
    expect(await doctorPc.signing.amendNote(moved.note.id, { text: 'x' }, 'Sai', DEMO_PASSWORD)).toMatchObject({
      ok: false,
    });
    expect(await doctorPc.signing.amendNote(note.note.id, {}, 'Không đổi gì', DEMO_PASSWORD)).toMatchObject({
      ok: false,
      problems: [{ code: 'amendment-unchanged' }],
    });
    const amended = await doctorPc.signing.amendNote(
      discharged.note.id,
      { treatment: 'Kháng sinh tĩnh mạch 7 ngày' },
      'Ghi sai số ngày dùng kháng sinh',
      DEMO_PASSWORD,
    );
    if (!amended.ok) throw new Error(`not amended: ${JSON.stringify(amended.problems)}`);
    expect(amended.document).toMatchObject({
      kind: 'discharge-summary',
      supersedes: discharged.note.id,
      amendmentReason: 'Ghi sai số ngày dùng kháng sinh',
      signedBy: DEMO_STAFF.doctor.id,
      discharge: { treatment: 'Kháng sinh tĩnh mạch 7 ngày', condition: 'recovered' },
    });
    await waitFor(
      async () => (await serverDocument('notes', amended.document.id)) !== undefined,
      'the amendment is stored',
    );
    expect(await doctorPc.signing.check('notes', amended.document)).toBe('valid');
    expect((await serverDocument<NoteDocument>('notes', discharged.note.id))?.discharge?.treatment).toBe(
      'Kháng sinh tĩnh mạch 5 ngày',
    );
  });
});
