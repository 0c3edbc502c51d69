import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { DuplicateCandidate, DuplicatePage, MergedPerson } from '../../shared/identity/duplicates-api';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const ROOM = 'KKB';
/** A man without a CCCD, registered twice at one facility: a year typed wrong, the card in its two forms. */
const FIRST: RegistrationForm = validRegistrationForm({
  familyName: 'Lò',
  middleName: 'Văn',
  givenName: 'Pó',
  sex: 'male',
  dateOfBirth: '02/09/1975',
  cccd: '',
  bhyt: 'DN4010111111111',
  phone: '',
});
const SECOND: RegistrationForm = { ...FIRST, dateOfBirth: '02/09/1976', bhyt: '0111111111' };

/**
 * A merge of two records of one facility reaches that facility's PCs (server/identity/
 * mark-merged-aliases.ts): each PC in its own worker, the province admin merging through the API.
 */
describe('a merge within one facility, on its PCs', () => {
  let server: TestServer;
  let reception: IsolatedClient;
  let examRoom: IsolatedClient;
  let admin: string;
  let primary: PatientDocument;
  let alias: PatientDocument;
  let aliasVisitId: string;

  const atProvince = (id: string) =>
    waitFor(
      async () => (await server.database.query('SELECT 1 FROM sync_documents WHERE id = $1', [id])).length === 1,
      `patient ${id} reaches the province`,
      30_000,
    );
  const documents = () =>
    server.database.query<{ collection: string; id: string; deleted: boolean }>(
      'SELECT collection, id, deleted FROM sync_documents ORDER BY collection, id',
    );

  beforeAll(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    admin = (await adminSession(server.url, 'tinh', 'province-admin')).token;
    reception = await IsolatedClient.open(server.url, await server.enroll('tiếp đón'), {
      userId: DEMO_STAFF.registrar.id,
    });
    examRoom = await IsolatedClient.open(server.url, await server.enroll('phòng khám'), {
      userId: DEMO_STAFF.registrar.id,
    });
    const first = await reception.patients.register(FIRST);
    const second = await reception.patients.register(SECOND);
    if (!first.ok || !second.ok) throw new Error(`not registered: ${JSON.stringify([first, second])}`);
    primary = first.patient;
    alias = second.patient;
    // The second record already has a visit: after the merge it belongs on the primary's chart.
    const visit = await reception.visits.queue(alias.id, ROOM, ROOM);
    if (!visit.ok) throw new Error(`not queued: ${JSON.stringify(visit.problems)}`);
    aliasVisitId = visit.encounter.id;
    await reception.goOnline();
    await examRoom.goOnline();
    await atProvince(primary.id);
    await atProvince(alias.id);
    await waitFor(async () => (await examRoom.patient(alias.id)) !== null, 'the records reach the other PC', 30_000);
  }, 120_000);

  afterAll(async () => {
    await reception.close();
    await examRoom.close();
    await server.close();
  });

  it('marks the alias and the primary on a second PC of the facility, deleting nothing', async () => {
    const listed = await adminRequest(server.url, 'GET', '/duplicates', undefined, admin);
    const pair = (listed.body as DuplicatePage).candidates.find(
      (candidate: DuplicateCandidate) =>
        [candidate.firstId, candidate.secondId].sort().join() === [primary.id, alias.id].sort().join(),
    );
    expect(pair?.rules).toEqual(['same-bhyt']);
    // Both records are there, searched separately, before the merge.
    expect((await examRoom.patients.search('lo van po')).map((patient) => patient.id).sort()).toEqual(
      [primary.id, alias.id].sort(),
    );

    const before = await documents();
    const merged = await adminRequest(
      server.url,
      'POST',
      '/duplicates/merge',
      { firstId: alias.id, secondId: primary.id, primaryId: primary.id, note: 'Cùng một người, sai năm sinh' },
      admin,
    );
    expect(merged.status).toBe(200);
    expect((merged.body as MergedPerson).markedIds.sort()).toEqual([primary.id, alias.id].sort());
    // Nothing deleted, nothing new: two records changed, by the province, signed by the server.
    expect(await documents()).toEqual(before);
    const [stored] = await server.database.query<{ body: PatientDocument }>(
      `SELECT body FROM sync_documents WHERE collection = 'patients' AND id = $1`,
      [alias.id],
    );
    expect(stored?.body).toMatchObject({ mergedInto: primary.id, updatedBy: 'province', givenName: 'Pó' });

    await waitFor(
      async () => (await examRoom.patient(alias.id))?.mergedInto === primary.id,
      'the alias mark reaches the other PC',
      30_000,
    );
    await waitFor(
      async () => (await examRoom.patient(primary.id))?.mergedAliases?.join() === alias.id,
      "the primary's mark reaches the other PC",
      30_000,
    );
  });

  it("shows one patient on the PC: the alias's own code finds the primary, whose chart holds the alias's visit", async () => {
    expect((await examRoom.patients.search('lo van po')).map((patient) => patient.id)).toEqual([primary.id]);
    expect((await examRoom.patients.search(alias.patientCode)).map((patient) => patient.id)).toEqual([primary.id]);
    expect((await examRoom.patients.search(alias.bhyt)).map((patient) => patient.id)).toEqual([primary.id]);
    const chart = await examRoom.clinical.mergedChart(primary.id, new Date().toISOString().slice(0, 10));
    expect(chart.timeline.map((visit) => visit.id)).toContain(aliasVisitId);
    expect(chart.timeline.find((visit) => visit.id === aliasVisitId)?.document.patientId).toBe(alias.id);
  });

  it('opens no new visit on the alias; the primary still takes one', async () => {
    expect(await examRoom.visits.queue(alias.id, ROOM, ROOM)).toMatchObject({
      ok: false,
      problems: [{ code: 'patient-merged' }],
    });
    expect(await examRoom.visits.queue(primary.id, ROOM, ROOM)).toMatchObject({ ok: true });
  });

  it('refuses a PC edit that clears mergedInto, and keeps the mark on the server', async () => {
    await examRoom.patients.writeWithout(alias.id, 'mergedInto');
    await waitFor(
      async () => (await examRoom.sync.heldCopy('patients', alias.id)) !== undefined,
      'the server holds the edit back',
      30_000,
    );
    const held = await new Promise<unknown>((resolve) => {
      const subscription = examRoom.sync.quarantine$.subscribe((entries) => {
        const entry = entries.find((candidate) => candidate.id === alias.id);
        if (entry) {
          resolve(entry);
          queueMicrotask(() => subscription.unsubscribe());
        }
      });
    });
    expect(held).toMatchObject({ code: 'forbidden', details: { reason: 'field-not-owned', field: 'mergedInto' } });
    const [stored] = await server.database.query<{ merged_into: string }>(
      `SELECT body->>'mergedInto' AS merged_into FROM sync_documents WHERE collection = 'patients' AND id = $1`,
      [alias.id],
    );
    expect(stored?.merged_into).toBe(primary.id);
  });
});
