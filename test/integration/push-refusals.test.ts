import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientDocument } from '../helpers/patient-documents';
import { registrarRow, unsignedRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

describe('push batches the server cannot store', () => {
  let server: TestServer;
  let token: string;

  beforeEach(async () => {
    server = await TestServer.start();
    token = (await server.enroll('reception')).token;
  });
  afterEach(async () => {
    await server.close();
  });

  const push = (rows: unknown) => syncRequest(server.url, token, 'patients', 'push', { body: rows });
  const row = (document: object, deleted = false) => registrarRow({ ...document }, { deleted });
  const storedPatients = async (): Promise<string[]> =>
    (await server.database.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = 'patients'`)).map(
      (stored) => stored.id,
    );

  it('refuses a batch holding the same document twice with a 4xx, storing nothing', async () => {
    const patient = patientDocument('10010');
    const answer = await push([await row(patient), await row({ ...patient, phone: '0987654321' })]);
    expect(answer).toMatchObject({ status: 400, body: { code: 'invalid-request', details: { id: patient.id } } });
    expect(await storedPatients()).toEqual([]);
  });

  it.each([
    ['a NUL character', 'Thôn\u0000 3'],
    ['half a surrogate pair', 'Thôn \uD83D 3'],
  ])('refuses a document holding %s with its id, so the device can hold just that one', async (_label, street) => {
    const good = patientDocument('10010');
    const bad = patientDocument('10010', { address: { provinceCode: '15', wardCode: '02680', street } });
    // Text no canonical form can hold is not signed either: refused before signatures are looked at.
    const answer = await push([await row(good), unsignedRow(bad)]);
    expect(answer).toMatchObject({
      status: 422,
      body: {
        code: 'invalid-document',
        details: { id: bad.id, problems: [{ field: 'address', code: 'text-unstorable' }] },
      },
    });
    expect(await storedPatients()).toEqual([]);
    expect(await push([await row(good)])).toEqual({ status: 200, body: [] });
  });

  it('refuses a second patient with the CCCD or the patient code of another, naming it', async () => {
    const first = patientDocument('10010', { cccd: '001190012345' });
    expect((await push([await row(first)])).status).toBe(200);

    const sameCccd = patientDocument('10010', { cccd: '001190012345' });
    expect(await push([await row(sameCccd)])).toMatchObject({
      status: 422,
      body: {
        code: 'invalid-document',
        details: {
          id: sameCccd.id,
          problems: [{ field: 'cccd', code: 'cccd-already-registered', existingId: first.id }],
        },
      },
    });
    const sameCode = patientDocument('10010', { patientCode: first.patientCode });
    expect(await push([await row(sameCode)])).toMatchObject({
      status: 422,
      body: { details: { id: sameCode.id, problems: [{ field: 'patientCode', existingId: first.id }] } },
    });
    // Two of the same in one batch: the second is refused, and nothing of the batch is stored.
    const twinA = patientDocument('10010', { cccd: '001190054321' });
    const twinB = patientDocument('10010', { cccd: '001190054321' });
    expect(await push([await row(twinA), await row(twinB)])).toMatchObject({ status: 422 });
    expect(await storedPatients()).toEqual([first.id]);
  });

  it('lets a CCCD go with the record that held it: deleted, or given another number', async () => {
    const first = patientDocument('10010', { cccd: '001190012345' });
    await push([await row(first)]);
    const moved = { ...first, cccd: '001190099999' };
    expect((await push([await registrarRow(moved, { assumed: first })])).status).toBe(200);
    const second = patientDocument('10010', { cccd: '001190012345' });
    expect((await push([await row(second)])).status).toBe(200);

    expect((await push([await registrarRow(second, { assumed: second, deleted: true })])).status).toBe(200);
    const third = patientDocument('10010', { cccd: '001190012345' });
    expect((await push([await row(third)])).status).toBe(200);
    expect(await storedPatients()).toHaveLength(3);
  });
});
