import { adminRequest } from '../helpers/admin-requests';
import { DEMO_STAFF, DEMO_STAFF_SEQ } from '../../server/demo/demo-staff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureEnrollmentCode, ensureFacility } from '../../server/facilities/facilities';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import type { PullResponse } from '../../shared/sync/protocol';
import { revisionOf } from '../../shared/sync/revision';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { patientDocument } from '../helpers/patient-documents';
import { demoSigner, signedDocument, storedStaffSigner } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

const OTHER_FACILITY = { code: '10020', provinceCode: '15', name: 'Trung tâm Y tế khu vực Sa Pa' };

describe('sync protocol rules on the server', () => {
  let server: TestServer;
  let token: string;
  let registrar: DocumentSigner;

  beforeEach(async () => {
    server = await TestServer.start();
    token = (await server.enroll('reception')).token;
    registrar = await demoSigner(DEMO_STAFF.registrar.id);
  });
  /** A patient state as the registrar's PC sends it: signed, made on the versions in `lineage`. */
  const signed = (state: PatientDocument & { _deleted?: boolean }, lineage: string[] = [], signer = registrar) =>
    signedDocument('patients', state, signer, lineage);
  afterEach(async () => {
    await server.close();
  });

  const storedRows = (): Promise<{ id: string; body: object; seq: number }[]> =>
    server.database.query(
      `SELECT d.id, d.body, f.seq FROM sync_documents d JOIN sync_feed f USING (collection, id)
       WHERE collection = 'patients' ORDER BY f.seq`,
    );
  const push = (rows: unknown, credential: string | null = token) =>
    syncRequest(server.url, credential, 'patients', 'push', { body: rows });

  it('stores the document body exactly as pushed, with ordering and the sync envelope in columns only', async () => {
    const patient = patientDocument('10010');
    const pushed = await signed(patient);
    expect(await push([{ newDocumentState: pushed }])).toEqual({ status: 200, body: [] });
    const [row] = await storedRows();
    expect(row?.body).toEqual(patient);
    expect(row?.seq).toBe(DEMO_STAFF_SEQ + 1);
    // The envelope comes back beside the body on every pull.
    const pulled = await syncRequest(server.url, token, 'patients', 'pull');
    expect((pulled.body as PullResponse<PatientDocument>).documents).toEqual([pushed]);
  });

  it('accepts a patient from a PC not yet updated (no nameYearKey), and refuses a wrong nameYearKey', async () => {
    const { nameYearKey: _newer, ...fromOlderPc } = patientDocument('10010');
    expect(await push([{ newDocumentState: await signed(fromOlderPc as PatientDocument) }])).toEqual({
      status: 200,
      body: [],
    });
    expect((await storedRows())[0]?.body).toEqual(fromOlderPc);

    const wrongKey = patientDocument('10010', { nameYearKey: 'nguyen thi dao|1991' });
    const refused = await push([{ newDocumentState: await signed(wrongKey) }]);
    expect(refused.status).toBe(422);
    expect(await storedRows()).toHaveLength(1);
  });

  it('treats a retried push as a success without a second write', async () => {
    const row = { newDocumentState: await signed(patientDocument('10010')) };
    await push([row]);
    expect(await push([row])).toEqual({ status: 200, body: [] });
    expect(await storedRows()).toHaveLength(1);
    expect((await storedRows())[0]?.seq).toBe(DEMO_STAFF_SEQ + 1);
  });

  it('answers a stale write with the master state, in an array', async () => {
    const original = await signed(patientDocument('10010'));
    await push([{ newDocumentState: original }]);
    const edited = await signed({ ...original, phone: '0987654321' }, [await revisionOf(original)]);
    expect(await push([{ assumedMasterState: original, newDocumentState: edited }])).toEqual({ status: 200, body: [] });

    const stale = await signed({ ...original, phone: '0911111111' }, [await revisionOf(original)]);
    const answer = await push([{ assumedMasterState: original, newDocumentState: stale }]);
    expect(answer).toEqual({ status: 200, body: [edited] });
    expect((await storedRows())[0]?.body).toMatchObject({ phone: '0987654321' });
  });

  it('takes a version made on the master as it is, even without the assumed master (a fast-forward)', async () => {
    const original = await signed(patientDocument('10010'));
    await push([{ newDocumentState: original }]);
    const lineage = [await revisionOf(original)];
    const edited = await signed({ ...original, phone: '0987654321' }, lineage);
    // No assumed master: as after a restore, when the device no longer sends the state it built on.
    expect(await push([{ newDocumentState: edited }])).toEqual({ status: 200, body: [] });
    expect((await storedRows())[0]?.body).toMatchObject({ phone: '0987654321' });
    const conflicts = await server.database.query('SELECT 1 FROM sync_conflicts');
    expect(conflicts).toEqual([]);
    // Without the master's revision in its lineage, the same push meets the master as a stranger:
    // the master stays, and the pushed value is kept as a conflict.
    const unrelated = await signed({ ...original, phone: '0911111111' });
    const answer = await push([{ newDocumentState: unrelated }]);
    expect(answer.body).toEqual([{ ...edited, _deleted: false }]);
    expect(await server.database.query('SELECT losing_value FROM sync_conflicts')).toEqual([
      { losing_value: '0911111111' },
    ]);
  });

  it('keeps tombstones and pulls them in commit order', async () => {
    const first = await signed(patientDocument('10010'));
    const second = await signed(patientDocument('10010'));
    await push([{ newDocumentState: first }, { newDocumentState: second }]);
    await push([{ assumedMasterState: first, newDocumentState: await signed({ ...first, _deleted: true }) }]);

    const pulled = await syncRequest(server.url, token, 'patients', 'pull', { query: { limit: '10' } });
    const response = pulled.body as PullResponse<PatientDocument>;
    expect(response.documents.map((document) => [document.id, document._deleted])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    expect(response.checkpoint?.seq).toBe(DEMO_STAFF_SEQ + 3);

    const after = await syncRequest(server.url, token, 'patients', 'pull', {
      query: { checkpoint: JSON.stringify(response.checkpoint) },
    });
    expect((after.body as PullResponse<PatientDocument>).documents).toEqual([]);
  });

  it('refuses pushes and pulls without a valid credential, storing nothing', async () => {
    const rows = [{ newDocumentState: await signed(patientDocument('10010')) }];
    expect(await push(rows, null)).toMatchObject({ status: 401, body: { code: 'missing-credential' } });
    expect(await push(rows, `${token.slice(0, -4)}AAAA`)).toMatchObject({
      status: 401,
      body: { code: 'invalid-credential' },
    });
    expect(await push(rows, 'garbage')).toMatchObject({ status: 401, body: { code: 'invalid-credential' } });
    expect(await push(rows, `${'-'.repeat(36)}.${'a'.repeat(43)}`)).toMatchObject({ status: 401 });
    expect(await syncRequest(server.url, null, 'patients', 'pull')).toMatchObject({ status: 401 });
    expect(await storedRows()).toEqual([]);
  });

  it("refuses another facility's documents and keeps each facility's pull to itself", async () => {
    await ensureFacility(server.database, OTHER_FACILITY);
    await ensureEnrollmentCode(server.database, 'SAPA-ONE-TIME', OTHER_FACILITY.code, 1);
    const otherToken = (await server.enroll('sa-pa', 'SAPA-ONE-TIME')).token;
    await expect(server.enroll('second', 'SAPA-ONE-TIME')).rejects.toThrow(/401/);
    const otherStaff = await adminRequest(server.url, 'POST', `/facilities/${OTHER_FACILITY.code}/staff`, {
      username: 'tiepdon',
      displayName: 'Tiếp đón Sa Pa',
      roles: ['registrar'],
      password: 'sa-pa-2026-desk',
    });
    const author = (otherStaff.body as { id: string }).id;
    const theirRegistrar = await storedStaffSigner(server.database, author, 'sa-pa-2026-desk');

    const foreign = await signed(
      patientDocument(OTHER_FACILITY.code, { createdBy: author, updatedBy: author }),
      [],
      theirRegistrar,
    );
    const answer = await push([
      { newDocumentState: await signed(patientDocument('10010')) },
      { newDocumentState: foreign },
    ]);
    expect(answer).toMatchObject({ status: 403, body: { code: 'out-of-scope' } });
    expect(await storedRows()).toEqual([]);

    expect(await push([{ newDocumentState: foreign }], otherToken)).toMatchObject({ status: 200 });
    const pulled = await syncRequest(server.url, token, 'patients', 'pull');
    expect((pulled.body as PullResponse<PatientDocument>).documents).toEqual([]);
    // Overwriting the other facility's document by its id, relabelled as ours, is refused too.
    const hijack = await signed({
      ...foreign,
      facilityCode: '10010',
      patientCode: foreign.patientCode.replace(OTHER_FACILITY.code, '10010'),
    });
    expect(await push([{ assumedMasterState: foreign, newDocumentState: hijack }])).toMatchObject({ status: 403 });
  });

  it('refuses an invalid document with a kebab-case code, storing nothing of the batch', async () => {
    const good = await signed(patientDocument('10010'));
    const bad = await signed({ ...patientDocument('10010'), cccd: '001090012345' });
    expect(await push([{ newDocumentState: good }, { newDocumentState: bad }])).toMatchObject({
      status: 422,
      body: { code: 'invalid-document', details: { id: bad.id } },
    });
    expect(await push([{ newDocumentState: { ...good, extra: 1 } }])).toMatchObject({ status: 422 });
    // The envelope is not optional, nor loose.
    const { syncMeta: _envelope, ...bare } = good;
    expect(await push([{ newDocumentState: bare }])).toMatchObject({ status: 422, body: { details: { id: good.id } } });
    expect(
      await push([{ newDocumentState: { ...good, syncMeta: { ...good.syncMeta, lineage: ['not a revision'] } } }]),
    ).toMatchObject({ status: 422 });
    expect(await push({ not: 'an array' })).toMatchObject({ status: 400, body: { code: 'invalid-request' } });
    expect(await storedRows()).toEqual([]);
  });

  it('tells an outdated client to update (426) and a client holding another epoch to start over (410)', async () => {
    for (const version of ['v0', 'v1']) {
      expect(
        await syncRequest(server.url, token, 'patients', 'pull', { path: `/sync/${version}/patients/pull` }),
      ).toMatchObject({ status: 426, body: { code: 'protocol-outdated' } });
    }
    expect(
      await syncRequest(server.url, token, 'patients', 'pull', {
        query: { checkpoint: JSON.stringify({ epoch: 'old', seq: 5 }) },
      }),
    ).toMatchObject({ status: 410, body: { code: 'epoch-changed' } });
    expect(await syncRequest(server.url, token, 'no-such-collection', 'pull')).toMatchObject({
      status: 404,
      body: { code: 'unknown-collection' },
    });
  });
});
